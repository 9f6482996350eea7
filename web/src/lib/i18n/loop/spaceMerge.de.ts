/** German texts of merging two seats of one person in a team space (issue 18), under `space.merge`. */
export const spaceMergeDe = {
  open: 'Zusammenführen …',
  openLabel: 'Zusammenführen …: {{name}}',
  heading: '{{name}} zusammenführen',
  intro:
    'Hat eine Person zwei Plätze in diesem Teamraum (zum Beispiel einen vom Handy und einen vom Laptop)? Wählen Sie den Platz, der bleibt.',
  into: 'Bleibender Platz',
  confirmHeading: 'Was dann geschieht',
  confirm:
    '{{from}} wird mit {{into}} zusammengeführt. Spannungen, Aufgaben, Beschlüsse, Runden und Antworten von {{from}} gehören dann {{into}}; nichts geht verloren. {{from}} verschwindet aus der Mitgliederliste, und die Geräte von {{from}} nutzen von da an den Platz von {{into}}. Das lässt sich nicht rückgängig machen.',
  withheldHeading: 'Nicht angeboten',
  withheldWhy:
    'Sie haben einen der beiden Plätze. Zusammengeführt sähen Sie, was nur anderen gehört: Spannungen aus persönlichen Räumen, was Meetings dazu festgehalten haben, oder wer eine anonyme Spannung geschrieben hat. Jemand aus der Moderation, der keinen der beiden Plätze hat, kann sie zusammenführen.',
  submit: 'Zusammenführen',
  cancel: 'Abbrechen',
  done: '{{from}} ist jetzt mit {{into}} zusammengeführt.',
  merged: 'Dieser Platz wurde mit {{name}} zusammengeführt. Dieses Gerät nutzt jetzt den Platz von {{name}}.',
};
