"""Libreswan's pluto in a network namespace, for the peer-log tests.

Libreswan conflicts with strongSwan in Debian, so it is not installed: its
package is unpacked into a private prefix (scripts/install-deps.sh --test,
LIBRESWAN_ROOT, default /var/cache/ipsec-doctor/libreswan), with its library
dependencies installed as usual. pluto runs its helpers (addconn at start-up)
by absolute path under /usr/libexec/ipsec, so the test runs in its own mount
namespace where a tmpfs over /usr/libexec holds the prefix's ipsec folder
(enter_mount_namespace; nothing outside the test's processes sees it).

Each daemon gets its own folder: ipsec.conf (logfile inside it), ipsec.secrets,
an NSS database (certutil, empty password), the control socket (--rundir).
A case restarts the daemon with a new ipsec.conf: the log starts clean and no
state survives from the case before. The machine's kernel has no ESP, so a
child SA that negotiates fails to install; the failure classes fail before.
"""

import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.environ.get("LIBRESWAN_ROOT", "/var/cache/ipsec-doctor/libreswan")
LIBEXEC = "/usr/libexec/ipsec"
PLUTO = LIBEXEC + "/pluto"
WHACK = LIBEXEC + "/whack"


def missing():
    """What is missing to run pluto here, or None."""
    if not os.path.exists(os.path.join(ROOT, "usr/libexec/ipsec/pluto")):
        return "no Libreswan under %s (scripts/install-deps.sh --test)" % ROOT
    if not shutil.which("certutil"):
        return "certutil is missing (libnss3-tools, scripts/install-deps.sh --test)"
    p = subprocess.run(["ldd", os.path.join(ROOT, "usr/libexec/ipsec/pluto")],
                       capture_output=True, text=True)
    if "not found" in p.stdout:
        return "pluto's libraries are missing: " + " ".join(
            line.split()[0] for line in p.stdout.splitlines() if "not found" in line)
    return None


def enter_mount_namespace(argv):
    """Re-runs this program in a private mount namespace with the prefix's
    helpers at /usr/libexec/ipsec; returns only inside it."""
    if os.environ.get("IPSD_PLUTO_NS") == "1":
        return
    script = ("mount -t tmpfs ipsd-pluto /usr/libexec && mkdir /usr/libexec/ipsec && "
              "mount --bind \"$0\"/usr/libexec/ipsec /usr/libexec/ipsec && exec \"$@\"")
    env = dict(os.environ, IPSD_PLUTO_NS="1")
    os.execvpe("unshare", ["unshare", "-m", "--propagation", "private", "sh", "-c", script,
                           ROOT, sys.executable] + argv, env)


def sh(cmd, check=True, timeout=60):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check and p.returncode:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
    return p


class Pluto:
    def __init__(self, ns, folder):
        self.ns, self.dir = ns, folder
        self.proc = None
        os.makedirs(os.path.join(folder, "run"), exist_ok=True)
        nss = os.path.join(folder, "nss")
        if not os.path.isdir(nss):
            os.makedirs(nss)
            sh(["certutil", "-N", "-d", "sql:" + nss, "--empty-password"])
        self.log = os.path.join(folder, "pluto.log")

    def start(self, conn, secrets):
        """Starts pluto with this conn section and secrets; the log starts empty."""
        self.stop()
        with open(os.path.join(self.dir, "ipsec.conf"), "w") as f:
            f.write("config setup\n\tikev1-policy=accept\n\tlogfile=%s\n\tlogappend=no\n"
                    "\tplutodebug=none\n\tuniqueids=no\n\n%s" % (self.log, conn))
        with open(os.path.join(self.dir, "ipsec.secrets"), "w") as f:
            f.write(secrets)
        os.chmod(os.path.join(self.dir, "ipsec.secrets"), 0o600)
        ctl = os.path.join(self.dir, "run", "pluto.ctl")
        for stale in (ctl, os.path.join(self.dir, "run", "pluto.pid")):
            if os.path.exists(stale):
                os.remove(stale)
        self.proc = subprocess.Popen(
            ["ip", "netns", "exec", self.ns, PLUTO, "--nofork",
             "--config", os.path.join(self.dir, "ipsec.conf"),
             "--rundir", os.path.join(self.dir, "run"), "--nssdir", os.path.join(self.dir, "nss"),
             "--secretsfile", os.path.join(self.dir, "ipsec.secrets"), "--ipsecdir", self.dir,
             "--dumpdir", os.path.join(self.dir, "run")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("pluto in %s exited %d: %s" % (self.ns, self.proc.returncode,
                                                                   self.text()[-400:]))
            if os.path.exists(ctl) and "listening for IKE messages" in self.text():
                return
            time.sleep(0.1)
        raise RuntimeError("pluto in %s did not start: %s" % (self.ns, self.text()[-400:]))

    def whack(self, *args, timeout=30):
        return sh(["ip", "netns", "exec", self.ns, WHACK, "--rundir",
                   os.path.join(self.dir, "run")] + list(args), check=False, timeout=timeout)

    def text(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.whack("--shutdown", timeout=15)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None
