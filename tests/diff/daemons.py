"""Two strongSwan charon daemons in two network namespaces, reused across
scenarios by reloading their swanctl.conf.

Each pair gets namespaces named i11diff-<pid>-<n>a / -<n>b joined by one
veth link (198.51.100.1/24 and .2/24, a default route to the other end so
that kernel-libipsec finds a source address) and the site's host address
on lo. Nothing else is configured, so nothing can leave the namespaces.
Each charon runs under "ip netns exec" with a private /run (its pid file
and nothing else there), its own strongswan.conf (STRONGSWAN_CONF) and a
vici socket in the pair's folder. The machine's kernel has no ESP, so
kernel-libipsec carries ESP in user space (../shared/captures/README.md);
IKEv2 on Debian's 5.9 needs the kdf plugin.
"""

import os
import re
import signal
import subprocess
import time

CHARON = "/usr/lib/ipsec/charon"
PLUGINS = ("random nonce openssl aes sha1 sha2 md5 hmac gmp kdf pem pkcs1 x509 pubkey "
           "revocation constraints kernel-libipsec kernel-netlink socket-default vici")

# Short retransmissions: a silent peer costs 1 + 1.4 + 2 + 2.7 s, not
# charon's default of 165 s, and a busy machine (RSA signatures, ECP
# groups, other test runs on 2 cores) still answers in time. Many refused
# IKE_SA_INITs would otherwise make the responder ask for COOKIEs
# (captures README).
STRONGSWAN_CONF = """charon {
  load = %(plugins)s
  retransmit_tries = 3
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  cookie_threshold = 1000000
  block_threshold = 1000000
  init_limit_half_open = 0
  install_routes = no
  install_virtual_ip = no
  plugins {
    vici {
      socket = unix://%(dir)s/vici
    }
  }
  filelog {
    log {
      path = %(dir)s/charon.log
      default = 1
      ike = 1
      cfg = 1
      knl = 1
      flush_line = yes
    }
  }
}
"""
SWANCTL_CONF = """swanctl {
  load = pem pkcs1 x509 revocation constraints pubkey openssl random
}
"""


def sh(args, check=True, **kw):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kw)


def make_certs(folder):
    """A CA and one RSA certificate per site with the site's address as
    subjectAltName (both ends identify by address)."""
    os.makedirs(folder, exist_ok=True)
    ssl = ["openssl"]
    sh(ssl + ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/ca.key",
              "-out", folder + "/ca.pem", "-subj", "/CN=Diff CA", "-days", "30",
              "-addext", "basicConstraints=critical,CA:true",
              "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    for name, addr in (("a", "198.51.100.1"), ("b", "198.51.100.2")):
        ext = folder + "/%s.ext" % name
        with open(ext, "w") as f:
            f.write("subjectAltName=IP:%s\n" % addr)
        sh(ssl + ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/%s.key" % name,
                  "-out", folder + "/%s.csr" % name, "-subj", "/CN=site-%s" % name])
        sh(ssl + ["x509", "-req", "-in", folder + "/%s.csr" % name, "-CA", folder + "/ca.pem",
                  "-CAkey", folder + "/ca.key", "-CAcreateserial", "-days", "30",
                  "-out", folder + "/%s.pem" % name, "-extfile", ext])


class Daemon:
    def __init__(self, ns, folder, name, certs):
        self.ns, self.dir, self.name = ns, folder, name
        for sub in ("x509", "x509ca", "private"):
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
        sh(["cp", certs + "/ca.pem", folder + "/x509ca/ca.pem"])
        sh(["cp", certs + "/%s.pem" % name, folder + "/x509/%s.pem" % name])
        sh(["cp", certs + "/%s.key" % name, folder + "/private/%s.key" % name])
        self.conf = folder + "/strongswan.conf"
        with open(self.conf, "w") as f:
            f.write(STRONGSWAN_CONF % {"plugins": PLUGINS, "dir": folder})
        self.cli_conf = folder + "/swanctl-cli.conf"
        with open(self.cli_conf, "w") as f:
            f.write(SWANCTL_CONF)
        self.log = folder + "/charon.log"
        self.proc = None

    def start(self):
        env = dict(os.environ, STRONGSWAN_CONF=self.conf)
        out = open(self.dir + "/charon.out", "w")
        self.proc = subprocess.Popen(
            ["ip", "netns", "exec", self.ns, "sh", "-c",
             "mount -t tmpfs none /run && exec %s" % CHARON],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(100):
            if os.path.exists(self.dir + "/vici"):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("charon in %s did not start: %s" % (self.ns, open(self.dir + "/charon.out").read()))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def swanctl(self, *args, timeout=30):
        env = dict(os.environ, STRONGSWAN_CONF=self.cli_conf)
        return subprocess.run(["swanctl", *args, "--uri", "unix://%s/vici" % self.dir],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=env, timeout=timeout)

    def load(self, text):
        path = self.dir + "/swanctl.conf"
        with open(path + ".tmp", "w") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
        r = self.swanctl("--load-all", "--clear", "--noprompt", "--file", path)
        if r.returncode != 0:
            raise RuntimeError("swanctl --load-all in %s failed: %s" % (self.ns, r.stdout))

    def log_size(self):
        try:
            return os.path.getsize(self.log)
        except OSError:
            return 0

    def log_since(self, offset):
        with open(self.log, errors="replace") as f:
            f.seek(offset)
            return f.read()

    def children(self, conn):
        """{uniqueid: state} of the CHILD_SAs named conn."""
        r = self.swanctl("--list-sas", "--raw")
        return {int(m.group(1)): m.group(2) for m in re.finditer(
            r"\b%s-\d+ \{name=%s uniqueid=(\d+) \S+ state=(\w+)" % (conn, conn), r.stdout)}


class Pair:
    def __init__(self, index, workdir, certs):
        tag = "i11diff-%d-%d" % (os.getpid(), index)
        self.ns = (tag + "a", tag + "b")
        self.dir = os.path.join(workdir, "pair%d" % index)
        self.daemons = []
        sh(["ip", "netns", "add", self.ns[0]])
        sh(["ip", "netns", "add", self.ns[1]])
        sh(["ip", "link", "add", "name", "dfa", "netns", self.ns[0], "type", "veth",
            "peer", "name", "dfb", "netns", self.ns[1]])
        for ns, dev, addr, peer, host in ((self.ns[0], "dfa", "198.51.100.1", "198.51.100.2", "10.1.1.1"),
                                          (self.ns[1], "dfb", "198.51.100.2", "198.51.100.1", "10.2.1.1")):
            sh(["ip", "-n", ns, "link", "set", "lo", "up"])
            sh(["ip", "-n", ns, "addr", "add", addr + "/24", "dev", dev])
            sh(["ip", "-n", ns, "addr", "add", host + "/32", "dev", "lo"])
            sh(["ip", "-n", ns, "link", "set", dev, "up"])
            sh(["ip", "-n", ns, "route", "add", "default", "via", peer, "dev", dev])
        for ns, name in ((self.ns[0], "a"), (self.ns[1], "b")):
            d = Daemon(ns, os.path.join(self.dir, name), name, certs)
            self.daemons.append(d)
            d.start()

    def close(self):
        for d in self.daemons:
            d.stop()
        for ns in self.ns:
            sh(["ip", "netns", "del", ns], check=False)

    def run(self, conn, conf_a, conf_b, version):
        """Negotiate conn with A initiating; then rekey its CHILD_SA once.
        Returns (outcome, evidence lines)."""
        a, b = self.daemons
        a.load(conf_a)
        b.load(conf_b)
        off_a, off_b = a.log_size(), b.log_size()
        r = a.swanctl("--initiate", "--child", conn, "--timeout", "20", "--loglevel", "1", timeout=40)
        outcome = classify(r.returncode == 0, a.log_since(off_a), b.log_since(off_b), version)
        if outcome == "established":
            outcome = self._rekey(conn, version)
        evidence = [ln for ln in (a.log_since(off_a) + b.log_since(off_b)).splitlines()
                    if re.search(r"NO_PROP|TS_UNACC|INVALID_ID|AUTH|no matching|no acceptable|"
                                 r"established|rekey|giving up|failed|unable|INVALID_KE|"
                                 r"no shared key|no trusted|selected proposal|received proposals|"
                                 r"configured proposals|traffic selectors", ln)]
        for d in (a, b):
            d.swanctl("--terminate", "--ike", conn, "--force", "--timeout", "2", timeout=10)
        return outcome, evidence

    def _rekey(self, conn, version):
        a = self.daemons[0]
        before = a.children(conn)
        off = a.log_size()
        a.swanctl("--rekey", "--child", conn)
        deadline = time.time() + 6
        while time.time() < deadline:
            now = a.children(conn)
            if any(uid not in before and st == "INSTALLED" for uid, st in now.items()):
                return "established"
            if re.search(r"rekeying failed|no CHILD_SA built|NO_PROPOSAL_CHOSEN|giving up",
                         a.log_since(off)):
                return "rekey-failed"
            time.sleep(0.1)
        return "rekey-failed"


def classify(ok, log, log_b, version):
    """What the initiator's log (and the responder's) says happened, in the
    terms of tunnel's statuses: established, p1-proposal, p1-auth,
    p2-proposal, p2-ts, or unexplained (the harness then fails: every daemon
    result must be read)."""
    if ok and re.search(r"CHILD_SA \S+ established", log):
        return "established"
    ike_up = re.search(r"IKE_SA \S+ established", log) is not None
    if not ike_up:
        # An IKEv1 responder that has no key for the peer (it expects a
        # certificate) answers MM3 with INVALID_KE_PAYLOAD.
        if re.search(r"no shared key found|no private key found|no RSA private key", log_b):
            return "p1-auth"
        if re.search(r"NO_PROPOSAL_CHOSEN|NO_PROP\b|no acceptable proposal", log):
            return "p1-proposal"
        if re.search(r"AUTHENTICATION_FAILED|AUTH_FAILED|INVALID_HASH|authentication of .* failed|"
                     r"no shared key found|no trusted RSA public key", log):
            return "p1-auth"
        if version == 1 and re.search(r"generating ID_PROT request 0 \[ ID HASH", log) is None and \
                re.search(r"ID_PROT request 0 \[ ID", log):
            return "p1-auth"
        if re.search(r"giving up after \d+ retransmits", log) and re.search(r"\[ (ID|IDi|CERT)", log):
            return "p1-auth"
        return "unexplained"
    if re.search(r"TS_UNACCEPTABLE|INVALID_ID_INFORMATION", log):
        return "p2-ts"
    if re.search(r"NO_PROPOSAL_CHOSEN|NO_PROP\b|no acceptable proposal", log):
        return "p2-proposal"
    return "unexplained"
