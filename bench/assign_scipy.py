"""Peer for the reviewer-assignment benchmark: the same instance as an LP solved by
scipy.optimize.linprog(method="highs"). The assignment LP is totally unimodular, so its
optimum equals the integer optimum. Prints {"status", "objective", "solveSeconds"} as JSON;
the objective counts new pairs only (the benchmark instances have no existing assignments)."""
import json
import sys
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, vstack


def main(path):
    with open(path) as f:
        inst = json.load(f)
    P, R, k = inst["proposals"], inst["reviewers"], inst["reviewsPerProposal"]
    aff = np.array(inst["affinity"], dtype=np.float64).reshape(-1, 3)
    p, r, s = aff[:, 0].astype(np.int64), aff[:, 1].astype(np.int64), aff[:, 2]
    excluded = [q * R + v for q, v in (inst.get("conflicts") or []) + (inst.get("existing") or [])]
    keep = ~np.isin(p * R + r, np.array(excluded, dtype=np.int64))
    p, r, s = p[keep], r[keep], s[keep]
    n = len(s)
    demand = np.full(P, k, dtype=np.float64)
    cap = np.full(R, inst.get("maxLoad", P), dtype=np.float64)
    lo = np.full(R, inst.get("minLoad", 0), dtype=np.float64)
    for v, a, b in inst.get("loadOverrides") or []:
        lo[v], cap[v] = a, b
    for q, v in inst.get("existing") or []:
        demand[q] -= 1
        cap[v] -= 1
        lo[v] -= 1
    cols = np.arange(n)
    a_eq = csr_matrix((np.ones(n), (p, cols)), shape=(P, n))
    by_reviewer = csr_matrix((np.ones(n), (r, cols)), shape=(R, n))
    a_ub, b_ub = by_reviewer, cap
    if (lo > 0).any():
        a_ub, b_ub = vstack([by_reviewer, -by_reviewer]), np.concatenate([cap, -np.maximum(lo, 0)])
    started = time.time()
    res = linprog(-s, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=demand, bounds=(0, 1), method="highs")
    out = {"status": {0: "optimal", 2: "infeasible"}.get(res.status, res.message), "solveSeconds": time.time() - started}
    if res.status == 0:
        out["objective"] = -res.fun
    print(json.dumps(out))


main(sys.argv[1])
