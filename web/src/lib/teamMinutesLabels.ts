import type { LoopMinutesLabels } from '@runde/shared/client';
import type { Translate } from './i18n/keys.ts';

/**
 * The words of a team meeting's minutes and of the decision log from the catalog: room names,
 * steps, roles and headings the meeting screens also show come from their keys, what only the
 * record says from `export.*`. The Markdown files and the minutes page both use these.
 */
export function teamMinutesLabels(t: Translate): LoopMinutesLabels {
  return {
    meetingOn: (date) => t('export.loop.meetingOn', { date }),
    rooms: {
      operational: t('loop.rooms.operational'),
      governance: t('loop.rooms.governance'),
      individual: t('loop.rooms.individual'),
      relationship: t('loop.rooms.relationship'),
    },
    attendees: t('meeting.attendees.heading'),
    facilitator: t('loop.roles.facilitator'),
    scribe: t('loop.roles.scribe'),
    nobody: t('minutes.meetings.nobody'),
    skipped: t('discuss.skipped'),
    stages: {
      checkin: t('loop.stages.checkin'),
      checklist: t('loop.stages.checklist'),
      projects: t('loop.stages.projects'),
      agenda: t('loop.stages.agenda'),
      tensions: t('loop.stages.tensions'),
      closing: t('loop.stages.closing'),
    },
    checklist: t('meeting.checklist.heading'),
    checklistDone: {
      true: t('minutes.meetings.done'),
      false: t('export.loop.notDone'),
      null: t('export.loop.noAnswer'),
    },
    metrics: t('meeting.checklist.metricsHeading'),
    projectUpdates: t('loop.stages.projects'),
    tensions: t('loop.stages.tensions'),
    noTensions: t('export.loop.noTensions'),
    outcome: t('meeting.sync.outcomeHeading'),
    outcomes: {
      information: t('loop.outcomeTypes.information'),
      'next-action': t('loop.outcomeTypes.next-action'),
      project: t('loop.outcomeTypes.project'),
      help: t('loop.outcomeTypes.help'),
      sharing: t('loop.outcomeTypes.sharing'),
      // The record says what happened; the meeting screen offers it as "goes to governance".
      'to-governance': t('export.loop.movedToGovernance'),
    },
    gotWhatNeeded: { true: t('export.loop.gotWhatNeeded'), false: t('export.loop.notGotWhatNeeded') },
    agreement: t('meeting.outcomes.agreement'),
    personalNotShared: (count) => t('export.loop.personalNotShared', { count }),
    decisionLog: t('minutes.decisions.heading'),
    adopted: t('export.loop.adopted'),
    decision: t('export.loop.decision'),
    notAdopted: t('export.loop.notAdopted'),
    decisionArchived: t('export.loop.decisionArchived'),
    present: t('export.loop.present'),
    markedAbsent: t('meeting.round.objectionStatus.absent'),
    actions: t('export.actions'),
    due: t('export.due'),
    noOwner: t('outcomes.noOwner'),
    stillOpen: t('export.loop.stillOpen'),
    between: {
      heading: t('export.loop.between.heading'),
      adopted: t('export.loop.between.adopted'),
      noObjection: t('export.loop.between.noObjection'),
      noResponse: t('export.loop.between.noResponse'),
      answers: t('export.loop.between.answers'),
      answerKinds: {
        information: t('export.loop.between.answerKinds.information'),
        help: t('export.loop.between.answerKinds.help'),
        action: t('export.loop.between.answerKinds.action'),
      },
      toMeeting: {
        objection: t('export.loop.between.toMeeting.objection'),
        pulled: t('export.loop.between.toMeeting.pulled'),
        'not-applicable': t('export.loop.between.toMeeting.not-applicable'),
      },
      objections: t('export.loop.between.objections'),
      withdrawn: t('export.loop.between.withdrawn'),
      dropped: t('export.loop.between.dropped'),
    },
    register: {
      heading: t('export.loop.register.heading'),
      changes: t('export.loop.register.changes'),
      roles: t('export.loop.register.roles'),
      rules: t('export.loop.register.rules'),
      empty: t('export.loop.register.empty'),
      ops: {
        'role:add': t('export.loop.register.ops.roleAdd'),
        'role:amend': t('export.loop.register.ops.roleAmend'),
        'role:remove': t('export.loop.register.ops.roleRemove'),
        'role:assign': t('export.loop.register.ops.roleAssign'),
        'rule:add': t('export.loop.register.ops.ruleAdd'),
        'rule:amend': t('export.loop.register.ops.ruleAmend'),
        'rule:remove': t('export.loop.register.ops.ruleRemove'),
      },
      fields: {
        name: t('export.loop.register.fields.name'),
        purpose: t('export.loop.register.fields.purpose'),
        accountabilities: t('export.loop.register.fields.accountabilities'),
        title: t('export.loop.register.fields.title'),
        text: t('export.loop.register.fields.text'),
      },
      filledBy: t('export.loop.register.filledBy'),
      unknown: t('export.loop.register.unknown'),
    },
  };
}
