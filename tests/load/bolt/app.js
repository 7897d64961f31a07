// The reference point of tests/load/run.sh: Slack's own framework answering /review with the same Block Kit as ours.
// The answer is read once from the file the harness captured from our host (10 reviews), then served from memory,
// so Bolt does no database work: it verifies the signature, parses the form, routes and acknowledges with the body.
// Usage: PORT=… SLACK_SIGNING_SECRET=… [SLACK_API_URL=…] node app.js <review.json>
const fs = require('node:fs');
const { App, LogLevel } = require('@slack/bolt');

const answer = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: 'xoxb-load-test',
  // Bolt's default: one auth.test at start, cached. (With tokenVerificationEnabled: false Bolt 5.1 calls auth.test on
  // every request instead.) The Web API is the harness's loopback fake, so nothing leaves the machine.
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.command('/review', async ({ ack }) => {
  await ack(answer);
});

(async () => {
  await app.start(Number(process.env.PORT));
})();
