# Sourced by the load scripts that send Slack-signed requests (run.sh, slack-events.sh, review-loop.sh); needs openssl.
# sign BODY: signs BODY with the caller's $secret as Slack does, v0=hex(HMAC-SHA256(secret, "v0:ts:body")) with the
# current time, and exports SLACK_BODY, SLACK_TIMESTAMP and SLACK_SIGNATURE (read by slack-events.lua).
sign() {
  SLACK_TIMESTAMP=$(date +%s)
  SLACK_SIGNATURE="v0=$(printf 'v0:%s:%s' "$SLACK_TIMESTAMP" "$1" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"
  export SLACK_BODY="$1" SLACK_TIMESTAMP SLACK_SIGNATURE
}
