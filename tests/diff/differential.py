#!/usr/bin/env python3
"""Real-daemon differential: random IKEv1/IKEv2 site-to-site pairs rendered
as Cisco IOS / ASA configs for `ipsec-doctor tunnel`, and as swanctl.conf
for two strongSwan daemons that negotiate the same parameters for real
(plus one CHILD_SA rekey). The two verdicts must agree.

Usage: differential.py BIN
Environment:
  DIFF_SEED   a number, or "random" (default: the fixed CI seed)
  DIFF_COUNT  scenarios (default 264: 44 per IKE version and same-platform
              rendering, 88 mixed; at least 200 must be compared)
  DIFF_JOBS   namespace pairs run in parallel (default 4)
  DIFF_KEEP   1 keeps the work folder (configs and charon logs)
  DIFF_VERBOSE 1 prints every scenario
  DIFF_ONLY   a comma list of scenario numbers to run alone (with the same seed)

Cases where Cisco and strongSwan are known to behave differently are
skipped (exceptions.tsv, with the reason and source); disagreements that
are understood but not fixed yet are listed as known failures
(known-failures.tsv). Anything else fails the test, and so does a daemon
result the harness cannot read.
"""

import json
import os
import queue
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import daemons  # noqa: E402
import features  # noqa: E402
import render_cisco  # noqa: E402
import render_swan  # noqa: E402
import scenario  # noqa: E402

FIXED_SEED = 20261207
MIN_SCENARIOS = 200

# tunnel's statuses in the daemon's terms (product.md, tunnels[].status).
STATUS_CLASS = {
    "established": "established",
    "phase1-no-proposal": "p1-proposal",
    "phase1-auth-failed": "p1-auth",
    "phase2-no-proposal": "p2-proposal",
    "phase2-pfs-mismatch": "p2-proposal",
    "phase2-proxy-mismatch": "p2-ts",
}


def fail(msg):
    print("daemon-differential: FAIL: " + msg, flush=True)
    sys.exit(1)


def read_tsv(name):
    rows = []
    with open(os.path.join(HERE, name)) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def doctor_verdict(bin_path, folder, version):
    r = subprocess.run([bin_path, "tunnel", "--format", "json", "a.cfg", "b.cfg"], cwd=folder,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    if r.returncode not in (0, 1):
        return "error(%d): %s" % (r.returncode, r.stderr.strip().splitlines()[:1]), ""
    doc = json.loads(r.stdout)
    tunnels = doc.get("tunnels", [])
    if len(tunnels) != 1:
        return "tunnels=%d" % len(tunnels), ""
    t = tunnels[0]
    status = t.get("status", "?")
    verdict = STATUS_CLASS.get(status, status)
    if version == 2 and verdict == "established" and rekey_warning(doc, t):
        verdict = "rekey-failed"
    return verdict, status


def rekey_warning(doc, tunnel):
    """An established IKEv2 tunnel whose first rekey will fail (a PFS
    difference: the first CHILD_SA is made inside IKE_AUTH without a DH
    exchange) is reported with a PFS finding beside the status."""
    found = list(doc.get("findings", [])) + list(tunnel.get("findings", []))
    return any("pfs" in f.get("id", "") for f in found)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    bin_path = os.path.abspath(sys.argv[1])
    seed_env = os.environ.get("DIFF_SEED", "")
    if seed_env == "random":
        seed = random.SystemRandom().randrange(1, 2**31)
    elif seed_env:
        seed = int(seed_env)
    else:
        seed = FIXED_SEED
    count = int(os.environ.get("DIFF_COUNT", "264"))
    jobs = int(os.environ.get("DIFF_JOBS", "4"))
    verbose = os.environ.get("DIFF_VERBOSE") == "1"
    print("daemon-differential: seed %d (DIFF_SEED=%d reproduces this run), %d scenarios, %d pairs"
          % (seed, seed, count, jobs), flush=True)

    # Fail loudly, never skip: CI runs as root on a machine with namespaces.
    if os.geteuid() != 0:
        fail("needs root (network namespaces); CI runs as root")
    for tool in ("ip", "swanctl", "openssl", daemons.CHARON):
        if not shutil.which(tool) and not os.access(tool, os.X_OK):
            fail("%s is missing: run scripts/install-deps.sh" % tool)
    for plugin in ("kernel-libipsec", "kdf", "openssl", "vici"):
        if not os.path.exists("/usr/lib/ipsec/plugins/libstrongswan-%s.so" % plugin):
            fail("strongSwan plugin %s is missing: run scripts/install-deps.sh" % plugin)
    if not os.access(bin_path, os.X_OK):
        fail("no ipsec-doctor at " + bin_path)

    exceptions = {row[0]: row for row in read_tsv("exceptions.tsv")}
    known = read_tsv("known-failures.tsv")
    for row in exceptions.values():
        if row[0] not in features.PREDICATES:
            fail("exceptions.tsv names %s, which features.py does not define" % row[0])

    work = tempfile.mkdtemp(prefix="i11diff-diff-")
    certs = os.path.join(work, "certs")
    daemons.make_certs(certs)
    scenarios = scenario.generate(seed, count)
    only = os.environ.get("DIFF_ONLY")  # a comma list of scenario numbers, to look at one
    if only:
        keep = {int(x) for x in only.split(",")}
        scenarios = [sc for sc in scenarios if sc["id"] in keep]
    todo = queue.Queue()
    results = {}
    skipped = {}
    for sc in scenarios:
        hit = [e for e in exceptions if features.PREDICATES[e](sc)]
        if hit:
            skipped[sc["id"]] = hit[0]
        todo.put(sc)
    pairs = []
    errors = []
    lock = threading.Lock()
    started = time.time()

    def worker(pair):
        while True:
            try:
                sc = todo.get_nowait()
            except queue.Empty:
                return
            try:
                folder = os.path.join(work, "s%03d" % sc["id"])
                os.makedirs(folder)
                for side in ("a", "b"):
                    with open(os.path.join(folder, side + ".cfg"), "w") as f:
                        f.write(render_cisco.render(sc, side))
                doctor, status = doctor_verdict(bin_path, folder, sc["version"])
                conn = "s%d" % sc["id"]
                daemon, evidence = pair.run(conn, render_swan.render(sc, "a", conn),
                                            render_swan.render(sc, "b", conn), sc["version"])
                with open(os.path.join(folder, "daemons.log"), "w") as f:
                    f.write("\n".join(evidence) + "\n")
                with lock:
                    results[sc["id"]] = (daemon, doctor, status, evidence)
            except Exception as e:  # one broken scenario must not hide the others
                with lock:
                    errors.append("#%d: %s" % (sc["id"], e))

    try:
        try:
            for i in range(jobs):
                pairs.append(daemons.Pair(i, work, certs))
        except Exception as e:
            fail("cannot set up namespaces and daemons: %s" % e)
        threads = [threading.Thread(target=worker, args=(p,)) for p in pairs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for p in pairs:
            p.close()
        if os.environ.get("DIFF_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("daemon-differential: work folder kept: " + work)

    return report(scenarios, results, skipped, exceptions, known, errors, verbose,
                  time.time() - started)


def known_reason(known, sc, daemon, doctor):
    tags = features.tags(sc)
    for row in known:
        if len(row) < 6:
            fail("known-failures.tsv: a row needs 6 tab-separated fields: %r" % (row,))
        version, render, want_daemon, want_doctor, tag, reason = row[:6]
        if version not in ("*", str(sc["version"])) or render not in ("*", sc["render"]):
            continue
        if want_daemon not in ("*", daemon) or want_doctor not in ("*", doctor):
            continue
        if tag != "*" and tag not in tags:
            continue
        return reason
    return None


def report(scenarios, results, skipped, exceptions, known, errors, verbose, elapsed):
    buckets = {}
    unexpected = []
    known_hits = []
    unexplained = []
    outcomes = {}
    skip_agree = {}  # skipped, yet the verdicts agree: the exception did not matter there
    for sc in scenarios:
        key = ("IKEv%d" % sc["version"], sc["render"])
        b = buckets.setdefault(key, {"run": 0, "agree": 0, "known": 0, "skip": 0, "bad": 0})
        if sc["id"] not in results:
            continue
        daemon, doctor, status, evidence = results[sc["id"]]
        outcomes[daemon] = outcomes.get(daemon, 0) + 1
        line = "%s\n    daemons: %s   tunnel: %s (%s)" % (scenario.describe(sc), daemon, doctor, status)
        if daemon == "unexplained":
            unexplained.append(line + "\n      " + "\n      ".join(evidence[-12:]))
        if sc["id"] in skipped:
            b["skip"] += 1
            if daemon == doctor:
                skip_agree[skipped[sc["id"]]] = skip_agree.get(skipped[sc["id"]], 0) + 1
            if verbose:
                print("skip (%s): %s" % (skipped[sc["id"]], line))
            continue
        b["run"] += 1
        if daemon == doctor:
            b["agree"] += 1
            if verbose:
                print("agree: " + line)
            continue
        reason = known_reason(known, sc, daemon, doctor)
        if reason:
            b["known"] += 1
            known_hits.append((reason, line))
        else:
            b["bad"] += 1
            unexpected.append(line + "\n      " + "\n      ".join(evidence[-12:]))

    for line in unexpected:
        print("DISAGREE: " + line)
    if verbose:
        for reason, line in known_hits:
            print("known (%s): %s" % (reason, line))
    for line in unexplained:
        print("UNREAD DAEMON RESULT: " + line)
    for e in errors:
        print("ERROR: " + e)

    print("daemon-differential: agreement per IKE version and rendering "
          "(agree / compared; known failures; skipped as documented exceptions)")
    total = {"run": 0, "agree": 0, "known": 0, "skip": 0, "bad": 0}
    for key in sorted(buckets):
        b = buckets[key]
        for k in total:
            total[k] += b[k]
        print("  %-6s %-6s %3d / %3d agree   %3d known   %3d skipped   %3d unexpected"
              % (key[0], key[1], b["agree"], b["run"], b["known"], b["skip"], b["bad"]))
    print("  daemon outcomes: " + ", ".join("%s %d" % kv for kv in sorted(outcomes.items())))
    reasons = {}
    for reason, _ in known_hits:
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, n in sorted(reasons.items()):
        print("  known failure x%d: %s" % (n, reason))
    for row in known:
        if row[5] not in reasons:
            print("  known-failures.tsv row matched nothing this run (fixed?): %s" % row[5])
    skipped_by = {}
    for e in skipped.values():
        skipped_by[e] = skipped_by.get(e, 0) + 1
    for e, n in sorted(skipped_by.items()):
        print("  skipped x%d (%d of them agree anyway): %s (%s)"
              % (n, skip_agree.get(e, 0), e, exceptions[e][1]))
    print("  %.0f s" % elapsed)

    bad = []
    if len(results) + len(errors) < len(scenarios) or errors:
        bad.append("%d scenario(s) did not run" % (len(scenarios) - len(results)))
    if total["run"] < MIN_SCENARIOS:
        bad.append("only %d scenarios compared (at least %d)" % (total["run"], MIN_SCENARIOS))
    if unexplained:
        bad.append("%d daemon result(s) unread" % len(unexplained))
    if total["bad"]:
        bad.append("%d unexpected disagreement(s)" % total["bad"])
    if not outcomes.get("established"):
        bad.append("no scenario established: the daemons are not working")
    if bad:
        fail("; ".join(bad))
    print("daemon-differential: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
