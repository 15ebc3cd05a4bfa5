"""The differential of `test` against `tunnel` (issue 16): for the same
parameters, `test --config a.cfg` run for real against strongSwan (charon
holding side B of the scenario) and `tunnel a.cfg b.cfg` on the matching
Cisco configs must give the same status.

The scenarios are tests/diff/scenario.py's (seeded; DIFF_SEED as
daemon-differential.sh), rendered by render_cisco.py (both Cisco configs)
and render_swan.py (B's swanctl.conf); the statuses are compared in
differential.py's classes (an established IKEv2 tunnel whose rekey fails,
a PFS difference, is its own class). Scenarios of exceptions.tsv (documented
Cisco / strongSwan differences) and those with certificates (test signs
with a PSK) are left out. Namespaces h16a-<pid>-da (where `test` runs) and
-db (charon), joined by one veth link and nothing else.

Usage: test_diff.py BIN   (exit 0 = every compared scenario agrees)
Environment: DIFF_SEED, TEST_DIFF_COUNT (scenarios compared, default all
that qualify; at least 20 must),
TEST_DIFF_VERSIONS ("2", or "1,2" once the IKEv1 engine is in).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "diff"))
import daemons  # noqa: E402
import differential  # noqa: E402
import features  # noqa: E402
import render_cisco  # noqa: E402
import render_swan  # noqa: E402
import scenario  # noqa: E402


def sh(args, check=True):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


class Net:
    def __init__(self):
        tag = "h16a-%d-" % os.getpid()
        self.a, self.b = tag + "da", tag + "db"
        for ns in (self.a, self.b):
            sh(["ip", "netns", "add", ns])
        sh(["ip", "link", "add", "name", "t16da", "netns", self.a, "type", "veth", "peer",
            "name", "t16db", "netns", self.b])
        for ns, dev, addr, peer, host in (
                (self.a, "t16da", scenario.ADDR_A, scenario.ADDR_B, scenario.HOST_A),
                (self.b, "t16db", scenario.ADDR_B, scenario.ADDR_A, scenario.HOST_B)):
            sh(["ip", "-n", ns, "link", "set", "lo", "up"])
            sh(["ip", "-n", ns, "addr", "add", addr + "/24", "dev", dev])
            sh(["ip", "-n", ns, "addr", "add", host + "/32", "dev", "lo"])
            sh(["ip", "-n", ns, "link", "set", dev, "up"])
            sh(["ip", "-n", ns, "route", "add", "default", "via", peer, "dev", dev])

    def close(self):
        for ns in (self.a, self.b):
            sh(["ip", "netns", "del", ns], check=False)


def test_verdict(bin_path, ns, folder, sc):
    with open(os.path.join(folder, "psk"), "w") as f:
        f.write(sc["a"]["psk"] + "\n")
    r = subprocess.run(["ip", "netns", "exec", ns, bin_path, "test", "--format", "json",
                        "--config", "a.cfg", "--psk-file", "psk", "--wait", "1", "--tries", "3",
                        "--rate", "100", scenario.ADDR_B],
                       cwd=folder, capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 1):
        return "error(%d): %s" % (r.returncode, r.stderr.strip()[:200]), "", {}
    doc = json.loads(r.stdout)
    t = doc.get("tunnels", [])
    if len(t) != 1:
        return "tunnels=%d" % len(t), "", {}
    status = t[0]["status"]
    verdict = differential.STATUS_CLASS.get(status, status)
    if sc["version"] == 2 and verdict == "established" and differential.rekey_warning(doc, t[0]):
        verdict = "rekey-failed"
    return verdict, status, doc.get("test", {})


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    if os.geteuid() != 0:
        print("test_diff: needs root (network namespaces)", file=sys.stderr)
        return 1
    bin_path = os.path.abspath(sys.argv[1])
    seed = int(os.environ.get("DIFF_SEED") or differential.FIXED_SEED)
    want = int(os.environ.get("TEST_DIFF_COUNT", "0")) or 1000
    versions = {int(v) for v in os.environ.get("TEST_DIFF_VERSIONS", "2").split(",")}
    exceptions = [row[0] for row in differential.read_tsv("exceptions.tsv")]
    chosen = []
    for sc in scenario.generate(seed, 264):
        if sc["version"] not in versions or sc["a"]["auth"] != "psk" or sc["b"]["auth"] != "psk":
            continue
        if any(features.PREDICATES[e](sc) for e in exceptions):
            continue
        chosen.append(sc)
        if len(chosen) == want:
            break
    work = tempfile.mkdtemp(prefix="h16a-diff-")
    net = Net()
    resp = None
    agree, disagree, classes = 0, [], {}
    started = time.time()
    try:
        daemons.make_certs(work + "/certs")
        resp = daemons.Daemon(net.b, os.path.join(work, "b"), "b", work + "/certs")
        resp.start()
        for sc in chosen:
            folder = os.path.join(work, "s%03d" % sc["id"])
            os.makedirs(folder)
            for side in ("a", "b"):
                with open(os.path.join(folder, side + ".cfg"), "w") as f:
                    f.write(render_cisco.render(sc, side))
            tunnel, tstatus = differential.doctor_verdict(bin_path, folder, sc["version"])
            resp.load(render_swan.render(sc, "b", "s%d" % sc["id"]))
            test, status, t = test_verdict(bin_path, net.a, folder, sc)
            classes[test] = classes.get(test, 0) + 1
            line = "#%d IKEv%d %s %s: test %s (%s), tunnel %s (%s)" % (
                sc["id"], sc["version"], sc["render"], sc["proxy"], test, status, tunnel, tstatus)
            if test == tunnel:
                agree += 1
                print("agree    " + line)
            else:
                disagree.append(line + " -- test: %s" % t.get("why", ""))
                print("DISAGREE " + line + " -- test: %s" % t.get("why", ""), file=sys.stderr)
    finally:
        if resp:
            resp.stop()
        net.close()
        shutil.rmtree(work, ignore_errors=True)
    print("test_diff: seed %d, %d scenarios compared in %.0f s: %d agree, %d disagree; test's "
          "classes %s" % (seed, len(chosen), time.time() - started, agree, len(disagree),
                          json.dumps(classes, sort_keys=True)))
    return 1 if disagree or len(chosen) < min(want, 20) else 0


if __name__ == "__main__":
    sys.exit(main())
