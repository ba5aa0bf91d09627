#!/usr/bin/env python3
"""Writes screening request bodies for the load tests, one JSON object per line.

  make_bodies.py valid N      a realistic mix of valid histories (TRD, suicidality, bipolar, psychosis, palliative,
                              pain and medicines, contraindications), deterministic for a given N
  make_bodies.py malformed N  malformed requests of every kind the contract allows to go wrong: wrong types,
                              out-of-range values, contradictions, unknown fields, nulls for required fields,
                              odd Unicode, truncated JSON, huge bodies
"""
import json
import random
import sys

def valid(rng, i):
    dx = rng.choices(["mdd", "bipolar-i", "bipolar-ii", "ptsd", "ocd", "other"], [70, 8, 7, 6, 5, 4])[0]
    age = rng.choice([16, 19, 23, 31, 38, 45, 52, 61, 67, 74, 81])
    sex = rng.choice(["female", "male", "intersex", "unknown"])
    trials = rng.choice([0, 1, 2, 2, 3, 4, 6])
    h = {
        "patientReference": f"LOAD-{i:06d}",
        "ageYears": age,
        "sexAtBirth": sex,
        "jurisdiction": rng.choice(["us", "us", "us", "eu"]),
        "primaryDiagnosis": dx,
        "currentDepressiveEpisode": rng.random() < 0.9,
        "failedAdequateTrials": trials,
        "distinctMechanisms": rng.randint(0, trials),
        "onOralAntidepressant": rng.random() < 0.8,
        "psychosis": rng.choices(["none", "history-controlled", "active"], [85, 10, 5])[0],
        "suicidality": rng.choices(["none", "passive-ideation", "active-ideation", "active-ideation-with-plan", "recent-attempt"], [55, 15, 15, 10, 5])[0],
        "systolicBp": rng.randint(100, 165),
        "phq9Total": rng.randint(5, 27),
        "phq9Item9": rng.randint(0, 3),
        "onNaltrexone": rng.random() < 0.05,
        "onOpioids": rng.random() < 0.1,
        "chronicNeuropathicPain": rng.random() < 0.1,
        "benzodiazepineDiazepamEquivalentMg": rng.choice([0, 0, 0, 5, 10, 20]),
        "substanceUse": rng.choice(["none", "none", "in-remission", "active"]),
        "hepaticImpairment": rng.choice(["none", "none", "none", "mild", "moderate", "severe"]),
        "aneurysmalVascularDisease": rng.random() < 0.02,
        "clinicianNote": "Load-test history; not a real patient.",
    }
    h["diastolicBp"] = rng.randint(60, min(105, h["systolicBp"] - 10))
    if sex == "female" and 12 <= age <= 55:
        h["pregnant"] = rng.random() < 0.05
        h["breastfeeding"] = rng.random() < 0.05
    if dx.startswith("bipolar"):
        h["moodStabilizer"] = rng.choice(["none", "lithium", "valproate", "lamotrigine", "atypical-antipsychotic"])
        if h["moodStabilizer"] != "none":
            h["moodStabilizerOptimized"] = rng.random() < 0.7
        h["currentManiaOrMixedFeatures"] = rng.random() < 0.1
    if h["suicidality"] != "none":
        for k in ("safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged"):
            h[k] = rng.random() < 0.6
    if rng.random() < 0.08:
        h["lifeLimitingIllness"] = True
        h["prognosisWeeks"] = rng.choice([2, 4, 6, 8, 12, 26])
    return h

def malformed(rng, i):
    base = valid(rng, i)
    kind = i % 15
    if kind == 0:
        base["ageYears"] = "forty"
    elif kind == 1:
        base["ageYears"] = rng.choice([-1, 121, 10**12])
    elif kind == 2:
        base["failedAdequateTrials"] = 2
        base["distinctMechanisms"] = 5
    elif kind == 3:
        base["systolicBp"], base["diastolicBp"] = 80, 120
    elif kind == 4:
        base["unknownField"] = True
    elif kind == 5:
        base["primaryDiagnosis"] = None
    elif kind == 6:
        base["patientReference"] = "Jane Doe \u202e\u0000\U0001F600"
    elif kind == 7:
        return json.dumps(base)[: rng.randint(1, 60)]
    elif kind == 8:
        base["clinicianNote"] = "x" * 2500
    elif kind == 9:
        base["suicidality"] = "active-ideation"
        for k in ("safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged"):
            base.pop(k, None)
    elif kind == 10:
        base["psychosis"] = "ACTIVE"
    elif kind == 11:
        base["currentDepressiveEpisode"] = "yes"
    elif kind == 12:
        return "[" + json.dumps(base) + "]"
    elif kind == 13:
        # A lone surrogate escape (invalid UTF-16) and a numeric field given as a string.
        base["benzodiazepineDiazepamEquivalentMg"] = "NaN"
        return json.dumps(base, ensure_ascii=False)[:-1] + ', "clinicianNote2": "\\ud800\\uffff"}'
    else:
        # A body far above the API's size limit.
        base["clinicianNote"] = "\u00e9" * 300_000
    return json.dumps(base, ensure_ascii=False)

def main():
    mode, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(20261126)
    for i in range(n):
        if mode == "valid":
            print(json.dumps(valid(rng, i)))
        else:
            print(malformed(rng, i))

if __name__ == "__main__":
    main()
