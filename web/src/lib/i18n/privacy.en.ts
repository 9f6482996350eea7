import type { Messages } from './de.ts';

/** English text of the privacy notice; see `privacy.de.ts`. */
export const privacyEn: Messages['privacy'] = {
  pageTitle: 'Privacy notice – Runde',
  heading: 'Privacy notice',
  subheading: 'Information under Art. 13 GDPR for everyone who uses Runde',
  templateNote:
    'Template: whoever runs Runde replaces the marked parts in square brackets with their own details and checks the statements before publishing.',
  placeholder: 'Placeholder',
  summary:
    'In short: Runde needs no account and no real name, sets no cookies unless you sign in, and contains no trackers. It stores what you enter in a meeting, and only for as long as stated below.',
  controller: {
    heading: 'Who is responsible',
    text: 'The controller responsible for processing your data is: [name of the body], [postal address], [email address], [telephone number].',
    officer: 'The data protection officer: [name or role], [postal address], [email address].',
  },
  purpose: {
    heading: 'Why, and on what legal basis',
    text: 'Runde processes your details to run the meetings you take part in: Lean Coffee sessions and LOOP team spaces. Runde does not use your details for any other purpose and builds no profiles.',
    basis:
      'The legal basis is [Art. 6(1)(e) GDPR together with (provision of state law, e.g. the state data protection act), for the tasks of a public body / Art. 6(1)(b) GDPR (taking part under a contract) / Art. 6(1)(f) GDPR (legitimate interest, not for public authorities performing their tasks)].',
  },
  stored: {
    heading: 'What is stored',
    intro: 'For each meeting, the server of this application stores:',
    name: 'the name you enter when you join. A real name is not needed; a first name or initials will do. Everyone in the meeting sees this name and whether you are connected.',
    contributions:
      'what you contribute: topics, votes, thumbs votes, tensions, proposals, objections, actions, outcomes, decisions and your feedback at the end.',
    timestamps: 'times: when you joined and when something was added or changed.',
    token: 'a check value (hash) of the random key of your seat. The key itself stays on your device (see below).',
    devices:
      'for each device on which you use your seat: a short device name such as “Chrome · Android”, when it was added and how (joining, a link, a sign-in). Only you see this list, and you can remove devices from it.',
    signIn:
      'Only when a space requires signing in with your organisation’s account: a check value (hash) of your identifier at the sign-in service and the name it sends. Runde stores no email address, password or profile. For the length of a sign-in (at most [10] hours) your groups at the sign-in service and its renewal key are kept as well.',
    hidden:
      'Not everyone sees everything: Runde shows who voted for what to no one but you, not even to the facilitator. With hidden voting, the votes stay hidden until they are revealed. If you bring a topic or tension anonymously, others do not see that it came from you. Personal tensions are seen only by you and by those present when they were discussed. The server still stores who a contribution came from, so that you can change or withdraw it.',
  },
  device: {
    heading: 'What is stored on your device',
    intro:
      'Runde sets no cookies unless you sign in with your organisation’s account (see below). In your browser’s storage (localStorage) Runde keeps only:',
    seats:
      'your seats: for each meeting a random key and the ids of the meeting and the seat, so that a reload takes you back to your seat. The 20 most recently used are kept.',
    outbox: 'contributions you sent without a network, until they have reached the server.',
    projector: 'on a device showing the projector view: the key of that view.',
    preferences: 'your language, if you switched it, and whether the timer plays a sound.',
    session:
      'When someone starts a meeting, their browser tab holds the secret facilitator link briefly in session storage (sessionStorage), until the page has shown it once.',
    cookies:
      'If you sign in, Runde sets two strictly necessary cookies: “runde_signin” with a random identifier of your sign-in, until you sign out or the sign-in ends, and during the sign-in, for at most ten minutes, a cookie that ties it to this browser.',
  },
  tracking: {
    heading: 'No trackers, no third-party services',
    text: 'Runde contains no analytics, advertising or social media services. Everything the pages load comes from the server of this application; fonts are your device’s own, and Runde draws the QR code itself. The pages’ security rules (Content Security Policy) forbid connections to any other server.',
  },
  addresses: {
    heading: 'IP addresses and logs',
    text: 'Your browser necessarily sends your IP address. Runde uses it only to slow down abuse: it counts how many requests come from one address. For this the address stays in memory or in the database for 10 seconds to 10 minutes, depending on the purpose, and is then deleted.',
    logs: 'Runde is built so that its own logs contain no IP addresses, names or content. [Details of the logs of the web server or proxy in front of it: which data, for how long, e.g. IP addresses for 7 days.]',
  },
  retention: {
    heading: 'How long data is kept',
    text: 'A Lean Coffee session is deleted automatically [30] days after its last change, a team space [2 years] after its last change. Every change starts the period again. A team space warns in good time before it is deleted; for an ended session, the facilitator sees until when the summary is available.',
    backups: '[Details of database backups: whether there are any, and after how many days they are overwritten.]',
    device:
      'What is on your device stays there until you delete it. Minutes that someone downloads are then with that person, no longer with Runde.',
  },
  deletion: {
    heading: 'How to delete data',
    facilitator:
      'The facilitator can delete a meeting at any time, at once and for everyone: under “Settings” with “Delete session …”, in a team space under “Space settings” with “Delete team space …”.',
    device:
      'You delete the details on your device by clearing this website’s stored data in your browser (site data, or cookies and site data).',
    request:
      'If you want your contributions deleted from the server, contact the facilitator of your meeting or the controller named above.',
  },
  recipients: {
    heading: 'Who receives your data',
    text: 'The other participants of the same meeting see your contributions, with the exceptions above. Runde is run by [name of the hosting provider, or own data centre; for a provider: processing on behalf under Art. 28 GDPR].',
    transfer: 'Runde itself passes no data to third parties and none to countries outside the EU.',
  },
  rights: {
    heading: 'Your rights',
    text: 'You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and to object (Art. 21), where the conditions are met. Contact the controller to use them.',
    identify: 'As Runde has no accounts, please name the meeting and the name you took part under.',
    complaint:
      'You can complain to a data protection supervisory authority, for example: [name and address of the competent authority, e.g. the state commissioner for data protection and freedom of information (state)].',
  },
  updated: 'Last updated: [date]',
};
