#!/usr/bin/env bash
# Starts a throwaway Dovecot IMAP server on 127.0.0.1:PORT (plain-text passdb, one Maildir user, no TLS) and prints
# host:port:user:password for PRACTICEBOT_TEST_IMAP. Nothing outside DIR is written: no system config, no service.
#   start: .ci/dovecot.sh start DIR PORT   (installs dovecot-imapd with apt-get when it is missing)
#   stop:  .ci/dovecot.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?state directory}; port=${3:-51143}
user=practicebot; password=practicebot-test

case "$cmd" in
start)
  if [ ! -x /usr/sbin/dovecot ] || [ ! -x /usr/lib/dovecot/imap ]; then
    echo "Dovecot IMAP server not found: installing dovecot-imapd" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >&2
  fi
  [ -x /usr/lib/dovecot/imap ] || { echo "dovecot-imapd could not be installed" >&2; exit 1; }
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  dir=$(cd "$dir" && pwd)
  # Dovecot never runs mail processes as root: as root, the mailbox belongs to nobody; otherwise to the current user.
  if [ "$(id -u)" = 0 ]; then owner=nobody; else owner=$(id -un); fi
  uid=$(id -u "$owner"); gid=$(id -g "$owner")
  chown -R "$uid:$gid" "$dir/mail"
  chmod 755 "$dir"
  printf '%s:{PLAIN}%s\n' "$user" "$password" > "$dir/users"
  cat > "$dir/dovecot.conf" <<EOF
base_dir = $dir/run
state_dir = $dir/state
instance_name = practicebot-test-$port
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $dir/dovecot.log
default_internal_user = $owner
default_internal_group = $(id -gn "$owner")
default_login_user = $owner
first_valid_uid = $uid
last_valid_uid = $uid
mail_location = maildir:$dir/mail/%u
mail_plugins =
protocol imap {
  mail_max_userip_connections = 100
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service auth {
  unix_listener auth-userdb {
    user = $owner
  }
}
service stats {
  unix_listener stats-reader {
    user = $owner
  }
  unix_listener stats-writer {
    user = $owner
  }
}
EOF
  /usr/sbin/dovecot -c "$dir/dovecot.conf"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { echo "127.0.0.1:$port:$user:$password"; exit 0; }
    sleep 0.2
  done
  echo "dovecot did not listen on 127.0.0.1:$port" >&2
  cat "$dir/dovecot.log" >&2 2>/dev/null || true
  exit 1
  ;;
stop)
  [ -f "$dir/dovecot.conf" ] && /usr/sbin/dovecot -c "$dir/dovecot.conf" stop 2>/dev/null || true
  ;;
esac
