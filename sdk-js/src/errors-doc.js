import { CATALOG, SCOPES } from './errors.js';

const TITLES = {
  authen: 'authen: signing in (`authen.r`, also the `code` of a refused CONNECT)',
  makeCall: 'makeCall',
  answer: 'answer',
  reject: 'reject',
  ringing: 'ringing',
  hangup: 'hangup',
  sendInfo: 'sendInfo',
  sendDtmf: 'sendDtmf',
  hold: 'hold',
  unhold: 'unhold',
  sendTransfer: 'sendTransfer',
  sendCustomMessage: 'sendCustomMessage (client)',
  request: 'Any request: codes the server may answer to every verb',
  local: 'Any verb: results made by the SDK itself (never sent by the server)',
  error: 'The call\'s `error` event',
};

/** docs/errors.md, generated from the catalog so that the two never disagree. */
export function errorsMarkdown() {
  const lines = [
    '# Result and error codes',
    '',
    '<!-- Generated from sdk-js/src/errors.js by `npm run errors-doc` in sdk-js; do not edit by hand. -->',
    '',
    'Every callback of the SDKs gets `{r, message, ...}`; `r` = 0 is success. The same number means',
    'different things for different verbs, so each verb has its own table. Any verb may also get a',
    'code of the two tables after them: from the server (10-13) or from the SDK itself (negative).',
    'The last table is the call\'s `error` event. The wire protocol is in [protocol.md](protocol.md).',
    'In JavaScript, `OnCaller.describe(scope, code)` returns the row (`name`, `message`, `explanation`).',
    '',
  ];
  for (const scope of SCOPES) {
    lines.push(`## ${TITLES[scope] || scope}`, '', '| code | name | message | explanation |', '|---|---|---|---|');
    for (const e of CATALOG.filter((entry) => entry.scope === scope)) {
      lines.push(`| ${e.code} | \`${e.name}\` | ${e.message} | ${e.explanation} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
