using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Screening.PathwayStatus;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>A whole patient as a psychiatrist would describe them, and the assessment the engine must give.</summary>
/// <param name="Name">The patient in a sentence.</param>
/// <param name="History">The recorded history.</param>
/// <param name="Overall">The expected overall verdict.</param>
/// <param name="Statuses">The expected status of each pathway, in the contract's order: esketamine-trd, esketamine-suicidal-ideation, ketamine-off-label-trd, bipolar-adjunct, palliative-rapid-acting, investigational-ptsd-ocd.</param>
/// <param name="Principles">Exactly the principles the findings cite.</param>
/// <param name="MustFire">Rules that must be among the findings.</param>
public sealed record Vignette(
    string Name,
    PatientHistory History,
    Verdict Overall,
    PathwayStatus[] Statuses,
    string[] Principles,
    string[] MustFire);

public class VignetteTests
{
    private const string Def = Citations.TrdDefinition;
    private const string Mech = Citations.TrdMechanism;
    private const string Proc = Citations.TrdProcedure;
    private const string Rems = Citations.SafetyRems;
    private const string Bio = Citations.Biomarkers;

    // The findings of a typical TRD screening cite the TRD definition, mechanism and procedure (off-label ketamine is a
    // supervised procedure, KET-001), the REMS and safety principle and the biomarker note.
    private static readonly string[] TrdPrinciples = [Def, Mech, Proc, Rems, Bio];

    // A suicidal MDD screening cites the approval, the rapid effect (IV ketamine) and its limit, and the REMS.
    // From 1.21.0 TRD-003 (P-TRD-DEFINITION) is quiet where SUI-001 or PAL-001 fires (docs/clinical-review.md, section 33).
    private static readonly string[] SuicidalPrinciples = [Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Bio];

    private static readonly string[] BipolarPrinciples = [Citations.Bipolar, Rems, Bio];

    private static PathwayStatus[] S(PathwayStatus trd, PathwayStatus suicidal, PathwayStatus offLabel, PathwayStatus bipolar, PathwayStatus palliative, PathwayStatus investigational) =>
        [trd, suicidal, offLabel, bipolar, palliative, investigational];

    private static readonly PathwayStatus[] TrdOpen = S(Eligible, NotApplicable, Eligible, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] TrdWithCautions = S(EligibleWithCautions, NotApplicable, EligibleWithCautions, NotApplicable, NotApplicable, NotApplicable);
    /// <summary>A caution of the EU label's esketamine TRD indication (EU-001 to EU-003) marks that pathway only, from 1.7.0 (QA108 F2).</summary>
    private static readonly PathwayStatus[] EsketamineTrdWithCautions = S(EligibleWithCautions, NotApplicable, Eligible, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] TrdBlocked = S(NotEligible, NotApplicable, NotEligible, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] TrdIncomplete = S(Incomplete, NotApplicable, Incomplete, NotApplicable, NotApplicable, NotApplicable);
    private static PathwayStatus[] SuicidalOnly(PathwayStatus status) => S(NotApplicable, status, NotApplicable, NotApplicable, NotApplicable, NotApplicable);
    private static PathwayStatus[] BipolarOnly(PathwayStatus status) => S(NotApplicable, NotApplicable, NotApplicable, status, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] NoneApplies = S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable);

    private const string Pal = Citations.Palliative;

    /// <summary>
    /// From rule set 1.16.0 (docs/clinical-review.md, section 26): with a current episode and the life-limiting illness not
    /// recorded, the palliative pathway cannot yet be ruled out: it is incomplete (REC-005), or not eligible where a recorded
    /// contraindication blocks every pathway. The statuses given, with the palliative pathway's as said.
    /// </summary>
    private static PathwayStatus[] PalliativeWaits(PathwayStatus[] statuses, PathwayStatus palliative = Incomplete) =>
        [.. statuses[..4], palliative, statuses[5]];

    private static readonly PathwayStatus[] TrdBlockedPalliativeToo = PalliativeWaits(TrdBlocked, NotEligible);

    /// <summary>TRD with every safety item that could block a pathway asked and answered "no".</summary>
    private static PatientHistory AskedTrd() => Trd().WithSafetyItemsRecordedAbsent();

    /// <summary>
    /// TRD with the whole pre-treatment history taken: every blocking safety item and every care item recorded (blood
    /// pressure 120/80 today, hepatic status, medicines). From rule set 1.2.0 only such a history can read plainly eligible.
    /// </summary>
    private static PatientHistory CheckedTrd() => AskedTrd().WithCareItemsRecorded();

    /// <summary>MDD with active suicidal ideation, no intent, plan or preparatory acts, and the given parts of the safety net, the rest of the history taken.</summary>
    private static PatientHistory ActiveIdeationWithoutIntent(bool safetyPlan, bool lethalMeans, bool followUp) =>
        (Adult() with
        {
            Suicidality = Suicidality.ActiveIdeation,
            SuicidalIntent = false,
            PreparatoryActsOrAbortedAttempt = false,
            SafetyPlanInPlace = safetyPlan,
            LethalMeansCounselled = lethalMeans,
            FollowUpArranged = followUp,
        }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();

    private static PatientHistory Woman(int age, bool pregnant) => Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = age, Pregnant = pregnant };

    /// <summary>MDD with suicidal ideation with a plan, one failed trial, and the given parts of the safety net in place.</summary>
    private static PatientHistory SuicidePlan(bool safetyPlan, bool lethalMeans, bool followUp) =>
        (Adult() with
        {
            Suicidality = Suicidality.ActiveIdeationWithPlan,
            SafetyPlanInPlace = safetyPlan,
            LethalMeansCounselled = lethalMeans,
            FollowUpArranged = followUp,
            Phq9Total = 22,
            Phq9Item9 = 3,
        }).WithSafetyItemsRecordedAbsent();

    public static IReadOnlyList<Vignette> All { get; } =
    [
        // Kept incomplete on purpose: the history as first entered, with nothing asked about the safety items.
        new("52-year-old man with MDD, three failed trials (two SSRIs and an SNRI), on sertraline, safety history not yet taken",
            Trd() with { AgeYears = 52 }, Verdict.Incomplete, PalliativeWaits(TrdIncomplete), [.. TrdPrinciples, Pal], ["TRD-001", "KET-001", "REMS-001", "REC-001", "REC-003", "CV-004", "HEP-003", "MED-005", "SAF-001"]),
        // 1.2.0: the care items not yet recorded (blood pressure, hepatic status, medicines, other safety history) are cautions.
        new("52-year-old man with MDD, three failed trials (two SSRIs and an SNRI), on sertraline, no contraindication on asking",
            AskedTrd() with { AgeYears = 52 }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples,
            ["TRD-001", "KET-001", "KET-002", "REMS-001", "REMS-002", "REMS-003", "CV-004", "HEP-003", "MED-005", "SAF-001"]),
        new("52-year-old man with MDD, three failed trials (two SSRIs and an SNRI), on sertraline, whole pre-treatment history taken, BP 124/78 today",
            CheckedTrd() with { AgeYears = 52, SystolicBp = 124, DiastolicBp = 78 }, Verdict.Eligible, TrdOpen, TrdPrinciples,
            ["TRD-001", "KET-001", "KET-002", "REMS-001", "REMS-002", "REMS-003"]),
        new("MDD with three failed SSRIs (one mechanism), PHQ-9 21",
            CheckedTrd() with { DistinctMechanisms = 1, Phq9Total = 21, Phq9Item9 = 0 }, Verdict.Eligible, TrdOpen, TrdPrinciples, ["TRD-002"]),
        new("Bipolar I depression on lithium at a therapeutic level, no mixed features",
            BipolarDepression().WithSafetyItemsRecordedAbsent(), Verdict.EligibleWithCautions, BipolarOnly(EligibleWithCautions),
            BipolarPrinciples, ["BIP-001", "BIP-006", "BIP-008", "KET-002", "REMS-002", "REMS-003"]),
        new("Bipolar II depression on optimized quetiapine",
            (BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.AtypicalAntipsychotic }).WithSafetyItemsRecordedAbsent(),
            Verdict.EligibleWithCautions, BipolarOnly(EligibleWithCautions), BipolarPrinciples, ["BIP-005", "BIP-008"]),
        new("Bipolar II depression on optimized lamotrigine",
            (BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.Lamotrigine }).WithSafetyItemsRecordedAbsent(),
            Verdict.EligibleWithCautions, BipolarOnly(EligibleWithCautions), BipolarPrinciples, ["BIP-005", "BIP-008"]),
        new("Bipolar I depression on lamotrigine alone",
            (BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine }).WithSafetyItemsRecordedAbsent(),
            Verdict.NotEligibleNow, BipolarOnly(NotEligible), BipolarPrinciples, ["BIP-002"]),
        new("Bipolar I depression with no mood stabilizer",
            BipolarDepression() with { MoodStabilizer = MoodStabilizer.None, MoodStabilizerOptimized = null },
            Verdict.NotEligibleNow, PalliativeWaits(BipolarOnly(NotEligible), NotEligible), [.. BipolarPrinciples, Pal], ["BIP-002"]),
        new("Bipolar I depression, lithium level below the therapeutic range",
            BipolarDepression() with { MoodStabilizerOptimized = false },
            Verdict.NotEligibleNow, PalliativeWaits(BipolarOnly(NotEligible), NotEligible), [.. BipolarPrinciples, Pal], ["BIP-003"]),
        new("Bipolar I depression with mixed features, on therapeutic lithium",
            BipolarDepression() with { CurrentManiaOrMixedFeatures = true },
            Verdict.NotEligibleNow, PalliativeWaits(BipolarOnly(NotEligible), NotEligible), [.. BipolarPrinciples, Pal], ["BIP-004"]),
        // Kept incomplete on purpose: 1.0.0 blocked here (BIP-007); 1.1.0 waits for the mood state to be recorded.
        new("Bipolar II depression on valproate, mood state (mania or mixed features) not recorded",
            (BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.Valproate }).WithSafetyItemsRecordedAbsent() with { CurrentManiaOrMixedFeatures = null },
            Verdict.Incomplete, BipolarOnly(Incomplete), BipolarPrinciples, ["REC-004"]),
        new("MDD with active suicidal ideation and a plan, on escitalopram, no safety plan, lethal means not discussed, no follow-up",
            SuicidePlan(safetyPlan: false, lethalMeans: false, followUp: false),
            Verdict.NotEligibleNow, SuicidalOnly(NotEligible), SuicidalPrinciples,
            ["SUI-001", "SUI-003", "SUI-004", "SUI-005", "SUI-006", "SUI-007", "SUI-009"]),
        new("MDD with active suicidal ideation and a plan, safety plan made and lethal means counselled, follow-up not yet arranged",
            SuicidePlan(safetyPlan: true, lethalMeans: true, followUp: false),
            Verdict.EligibleWithCautions, SuicidalOnly(EligibleWithCautions), SuicidalPrinciples, ["SUI-005", "SUI-007", "SUI-010"]),
        new("MDD with active suicidal ideation and intent but no plan, nothing yet in place",
            (Adult() with
            {
                Suicidality = Suicidality.ActiveIdeation, SuicidalIntent = true, SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false,
            }).WithSafetyItemsRecordedAbsent(),
            Verdict.NotEligibleNow, SuicidalOnly(NotEligible), SuicidalPrinciples, ["SUI-007", "SUI-009"]),
        new("MDD with active suicidal ideation, safety net in place, intent not yet asked",
            (Suicidal(Suicidality.ActiveIdeation) with { PreparatoryActsOrAbortedAttempt = false }).WithSafetyItemsRecordedAbsent() with { SuicidalIntent = null },
            Verdict.Incomplete, SuicidalOnly(Incomplete), SuicidalPrinciples, ["REC-002", "SUI-012"]),
        // From rule set 1.5.0 preparatory acts within 3 months are suicidal behaviour: the suicidal-ideation pathway is
        // indicated, under the imminent-risk caution (docs/clinical-review.md, section 13, C2). 1.4.0 read "not indicated".
        new("MDD with passive death wishes who has given away belongings, safety net in place",
            (Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = true }).WithSafetyItemsRecordedAbsent(),
            Verdict.EligibleWithCautions, SuicidalOnly(EligibleWithCautions), SuicidalPrinciples, ["SUI-001", "SUI-007", "SUI-011", "SUI-006"]),
        new("TRD with a suicide attempt last month, on no antidepressant, safety plan in place, BP 150/95 today",
            (Trd() with
            {
                Suicidality = Suicidality.RecentAttempt, SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true,
                OnOralAntidepressant = false, SystolicBp = 150, DiastolicBp = 95,
            }).WithSafetyItemsRecordedAbsent(),
            Verdict.EligibleWithCautions, S(EligibleWithCautions, EligibleWithCautions, EligibleWithCautions, NotApplicable, NotApplicable, NotApplicable),
            [Def, Mech, Proc, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Bio],
            ["SUI-001", "SUI-002", "SUI-007", "TRD-004", "CV-002"]),
        new("Treatment-resistant depression with active psychotic features",
            Trd() with { Psychosis = PsychosisStatus.Active }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo,
            [.. TrdPrinciples, Citations.Psychosis, Pal], ["PSY-001"]),
        new("TRD with a past psychotic episode, now controlled on an antipsychotic",
            AskedTrd() with { Psychosis = PsychosisStatus.HistoryControlled }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Psychosis], ["PSY-002", "PSY-003"]),
        new("TRD with a past psychotic episode, not on an antipsychotic now",
            AskedTrd() with { Psychosis = PsychosisStatus.HistoryUntreated }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Psychosis], ["PSY-003", "PSY-004"]),
        new("TRD with a known abdominal aortic aneurysm",
            Trd() with { AneurysmalVascularDisease = true }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["VAS-001"]),
        new("TRD with an arteriovenous malformation and a past intracerebral haemorrhage",
            Trd() with { ArteriovenousMalformation = true, IntracerebralHemorrhageHistory = true }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo,
            [.. TrdPrinciples, Pal], ["VAS-002", "VAS-003"]),
        new("TRD with a documented anaphylaxis to ketamine",
            Trd() with { HypersensitivityToKetamine = true }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["ALG-001"]),
        new("Pregnant 30-year-old woman with TRD",
            Woman(30, pregnant: true), Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["REP-001"]),
        // Kept incomplete on purpose: pregnancy is never assumed absent in a woman who could be pregnant.
        new("30-year-old woman with TRD who was not asked about pregnancy",
            (Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30 }).WithSafetyItemsRecordedAbsent() with { Pregnant = null },
            Verdict.Incomplete, TrdIncomplete, TrdPrinciples, ["REC-001", "REC-003", "REP-003"]),
        new("Breastfeeding 32-year-old mother with TRD",
            (Woman(32, pregnant: false) with { Breastfeeding = true }).WithSafetyItemsRecordedAbsent(), Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples,
            ["REP-002", "REP-003"]),
        new("70-year-old with metastatic cancer, prognosis 4 weeks, newly depressed, no antidepressant tried",
            (Palliative(4) with { FailedAdequateTrials = 0, OnOralAntidepressant = false }).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded(), Verdict.Eligible,
            S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, Eligible, NotApplicable),
            [Citations.Palliative, Rems, Bio], ["PAL-001", "KET-002", "REMS-002", "REMS-003"]),
        // Kept incomplete on purpose: the palliative pathway waits for substance use to be asked.
        new("72-year-old with end-stage heart failure, prognosis 3 weeks, depressed, substance use not asked",
            (Palliative(3) with { AgeYears = 72, FailedAdequateTrials = 0 }).WithSafetyItemsRecordedAbsent() with { SubstanceUse = null }, Verdict.Incomplete,
            S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, Incomplete, NotApplicable),
            [Citations.Palliative, Rems, Bio], ["PAL-001", "REC-005"]),
        new("Life-limiting illness with a prognosis of 6 months, depressed, no antidepressant tried",
            Palliative(26) with { FailedAdequateTrials = 0 }, Verdict.NotIndicated, NoneApplies,
            [Citations.Palliative, Def], ["PAL-002"]),
        new("Bipolar I depression without a mood stabilizer, prognosis 6 weeks",
            BipolarDepression() with { MoodStabilizer = MoodStabilizer.None, MoodStabilizerOptimized = null, AgeYears = 70, LifeLimitingIllness = true, PrognosisWeeks = 6 },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotEligible, NotApplicable),
            [Citations.Palliative, Citations.Bipolar, Rems, Bio], ["PAL-001", "BIP-002"]),
        // From 1.15.0 TRD-007 says why a depressive episode after three failed trials opens nothing with "other" as the primary diagnosis.
        new("Persistent depressive disorder recorded as another diagnosis, in a major depressive episode after three failed trials",
            (Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other }).WithSafetyItemsRecordedAbsent(),
            Verdict.NotIndicated, NoneApplies, [Def], ["TRD-007"]),
        new("Chronic combat-related PTSD, not currently depressed",
            (Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 }).WithSafetyItemsRecordedAbsent(),
            Verdict.NotIndicated, S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, InvestigationalOnly),
            [Citations.Ptsd, Citations.Ocd, Rems, Bio], ["INV-001"]),
        new("Refractory OCD, not depressed, safety history not yet taken",
            Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 },
            Verdict.NotIndicated, S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, Incomplete),
            [Citations.Ptsd, Citations.Ocd, Rems, Bio], ["INV-001", "REC-006"]),
        new("Refractory OCD in a pregnant 28-year-old",
            Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, CurrentDepressiveEpisode = false, SexAtBirth = SexAtBirth.Female, AgeYears = 28, Pregnant = true },
            Verdict.NotIndicated, S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotEligible),
            // From 1.10.0 TRD-005 names the failed trials recorded in a current episode that is recorded as absent.
            [Citations.Ptsd, Citations.Ocd, Rems, Bio, Citations.TrdDefinition], ["INV-001", "REP-001", "TRD-005"]),
        new("EU patient with TRD who takes no SSRI or SNRI",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false }, Verdict.EligibleWithCautions, EsketamineTrdWithCautions,
            TrdPrinciples, ["EU-001"]),
        new("EU 68-year-old with TRD on venlafaxine",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 68, OralAntidepressantClass = OralAntidepressantClass.Snri }, Verdict.EligibleWithCautions, EsketamineTrdWithCautions,
            TrdPrinciples, ["AGE-003", "EU-005"]),
        new("EU patient with TRD on venlafaxine and a PHQ-9 total of 18 (rule set 1.9.0)",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Snri, Phq9Total = 18, Phq9Item9 = 0 }, Verdict.Eligible, TrdOpen,
            TrdPrinciples, []),
        new("EU patient with TRD on venlafaxine and a PHQ-9 total of 7 (rule set 1.9.0)",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Snri, Phq9Total = 7, Phq9Item9 = 0 }, Verdict.EligibleWithCautions, EsketamineTrdWithCautions,
            TrdPrinciples, ["EU-005", "SCR-001"]),
        new("EU patient with TRD on bupropion",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Other }, Verdict.EligibleWithCautions, EsketamineTrdWithCautions,
            TrdPrinciples, ["EU-002"]),
        new("17-year-old with TRD",
            Trd() with { AgeYears = 17 }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["AGE-001"]),
        new("22-year-old with TRD",
            AskedTrd() with { AgeYears = 22 }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["AGE-002"]),
        new("TRD on naltrexone for alcohol use disorder in remission",
            (Trd() with { OnNaltrexone = true, SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol]) })
                .WithSafetyItemsRecordedAbsent(),
            Verdict.EligibleWithCautions, TrdWithCautions, [.. TrdPrinciples, Citations.Naltrexone], ["NAL-001", "SUB-002"]),
        new("TRD on tramadol and naltrexone",
            AskedTrd() with { OnOpioids = true, OnNaltrexone = true }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Naltrexone], ["NAL-001", "NAL-002", "MED-002"]),
        new("TRD with diabetic neuropathy and opioid-induced hyperalgesia on oxycodone",
            AskedTrd() with { ChronicNeuropathicPain = true, OnOpioids = true, OpioidInducedHyperalgesia = true }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Pain], ["PAIN-001", "PAIN-002", "MED-002"]),
        // From 1.16.0 (docs/clinical-review.md, sections 24 Question D and 26): the life-limiting illness is not recorded, so
        // the palliative pathway cannot yet be ruled out and waits (REC-005); 1.15.0 read "not indicated" as for "no". From
        // 1.19.0 (section 31) PAL-003 says so, and PAL-001 only the prognosis of weeks.
        new("MDD after one failed SSRI, no suicidality",
            Adult(), Verdict.Incomplete, PalliativeWaits(NoneApplies), [Def, Pal, Rems, Bio], ["TRD-003", "PAL-003", "REC-005", "KET-002"]),
        new("MDD in an episode, no antidepressant trial yet failed, no suicidality, safety history taken, life-limiting illness not asked (rule set 1.16.0)",
            Adult().WithSafetyItemsRecordedAbsent() with { FailedAdequateTrials = 0, LifeLimitingIllness = null }, Verdict.Incomplete, PalliativeWaits(NoneApplies),
            [Def, Pal, Rems, Bio], ["TRD-003", "PAL-003", "REC-005"]),
        // From 1.5.0 whether the suicidal-ideation pathway applies turns on the unrecorded recent behaviour: it waits
        // (REC-002) rather than reading "no pathway applies" (clinical-review-1.5.0.md, B1). From 1.20.0 (section 32) SUI-016
        // says so, and SUI-001 only the indication; so for "none" beside a positive item 9 below.
        new("MDD after one failed SSRI with passive death wishes, nothing yet in place",
            Adult() with { Suicidality = Suicidality.PassiveIdeation }, Verdict.Incomplete, PalliativeWaits(SuicidalOnly(Incomplete)),
            [Pal, Def, Rems, Citations.SuicidalityApproval, Citations.SuicidalityLimit, Citations.SuicidalityRapid, Citations.Biomarkers],
            // From 1.14.0 (QA184 F3) the pathway that cannot yet be ruled out lists what it needs: blood pressure, hepatic
            // status, medicines, the other safety history, and the REMS requirements.
            ["SUI-016", "REC-002", "SUI-003", "SUI-004", "SUI-005", "SUI-006", "SUI-012", "CV-004", "HEP-003", "MED-005", "SAF-001", "REMS-001", "REMS-002", "REMS-003", "REMS-004"]),
        new("MDD after one failed SSRI with passive death wishes, no recent behaviour, nothing yet in place",
            Adult() with { Suicidality = Suicidality.PassiveIdeation, PreparatoryActsOrAbortedAttempt = false }, Verdict.Incomplete, PalliativeWaits(NoneApplies),
            [Def, Rems, Citations.SuicidalityLimit, Citations.SuicidalityRapid, Pal, Bio], ["SUI-003", "SUI-004", "SUI-005", "SUI-006"]),
        new("MDD with no suicidality recorded but PHQ-9 item 9 of 2 and a total of 8, no suicide-risk assessment since recorded (rule set 1.8.0)",
            Adult() with { Phq9Total = 8, Phq9Item9 = 2 }, Verdict.Incomplete, PalliativeWaits(SuicidalOnly(Incomplete)), [Pal, Def, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Citations.Biomarkers],
            ["SUI-016", "SUI-008", "SCR-001", "REC-002", "HEP-003", "REMS-002"]),
        new("TRD with decompensated cirrhosis (Child-Pugh C)",
            Trd() with { HepaticImpairment = HepaticImpairment.Severe }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["HEP-001"]),
        new("TRD with Child-Pugh B cirrhosis",
            CheckedTrd() with { HepaticImpairment = HepaticImpairment.Moderate }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["HEP-002"]),
        new("TRD with unstable angina",
            Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true }, Verdict.NotEligibleNow, TrdBlockedPalliativeToo, [.. TrdPrinciples, Pal], ["CV-001"]),
        new("TRD two weeks after a myocardial infarction",
            AskedTrd() with { RecentMyocardialInfarctionOrStroke = true }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["CV-006"]),
        new("TRD with blood pressure 184/112 before today's session",
            AskedTrd() with { SystolicBp = 184, DiastolicBp = 112 }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["CV-003"]),
        new("TRD with blood pressure 150/92 before today's session",
            AskedTrd() with { SystolicBp = 150, DiastolicBp = 92 }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["CV-002"]),
        new("TRD, safety history taken, blood pressure not yet measured today",
            CheckedTrd() with { SystolicBp = null, DiastolicBp = null }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["CV-004"]),
        new("TRD with a past hypertensive encephalopathy",
            CheckedTrd() with { HypertensiveEncephalopathyHistory = true, SystolicBp = 130, DiastolicBp = 85 }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["CV-005"]),
        new("TRD two months after a stroke (rule set 1.3.0)",
            CheckedTrd() with { OtherCardiovascularOrCerebrovascularDisease = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["CV-008"]),
        new("TRD on diazepam 20 mg a day (rule set 1.3.0)",
            CheckedTrd() with { BenzodiazepineDiazepamEquivalentMg = 20m }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["MED-001", "MED-006"]),
        new("EU patient with TRD on an oral antidepressant of unrecorded class (rule set 1.3.0)",
            CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = null }, Verdict.EligibleWithCautions, EsketamineTrdWithCautions, TrdPrinciples, ["EU-003"]),
        new("TRD with obstructive sleep apnoea",
            AskedTrd() with { RespiratoryDiseaseOrSleepApnea = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["CV-007"]),
        new("TRD with mild cognitive impairment",
            AskedTrd() with { CognitiveImpairment = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["COG-001"]),
        new("TRD with angle-closure glaucoma, the rest of the history taken (rule set 1.17.0)",
            CheckedTrd() with { RaisedIntraocularPressure = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["EYE-001"]),
        new("TRD, the whole history taken but the eye not asked about (rule set 1.17.0)",
            CheckedTrd() with { RaisedIntraocularPressure = null }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["SAF-001"]),
        new("TRD with interstitial cystitis",
            AskedTrd() with { UrinaryTractSymptoms = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["URO-001"]),
        new("TRD on pregabalin and nightly zopiclone",
            AskedTrd() with { OtherCnsDepressants = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["MED-004"]),
        new("TRD with active cocaine use disorder",
            AskedTrd() with { SubstanceUse = SubstanceUse.Active, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Stimulants]) },
            Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["SUB-001"]),
        new("TRD with a ketamine use disorder in remission",
            AskedTrd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.KetamineOrPcp]) },
            Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["SUB-002", "SUB-003"]),
        new("TRD with a substance use disorder in remission, substances not recorded",
            AskedTrd() with { SubstanceUse = SubstanceUse.InRemission }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["SUB-002", "SUB-004"]),
        new("TRD on clonazepam (20 mg diazepam-equivalent) and phenelzine",
            AskedTrd() with { BenzodiazepineDiazepamEquivalentMg = 20m, OnPsychostimulantOrMaoi = true }, Verdict.EligibleWithCautions, TrdWithCautions,
            TrdPrinciples, ["MED-001", "MED-003"]),
        new("MDD with active suicidal ideation, no intent, plan or preparatory acts, no safety plan, lethal means not discussed, no follow-up",
            ActiveIdeationWithoutIntent(safetyPlan: false, lethalMeans: false, followUp: false),
            Verdict.EligibleWithCautions, SuicidalOnly(EligibleWithCautions), SuicidalPrinciples, ["SUI-001", "SUI-003", "SUI-004", "SUI-005", "SUI-013"]),
        new("TRD with no suicidality recorded but PHQ-9 item 9 of 3, no suicide-risk assessment since recorded, the rest of the history taken (rule set 1.8.0)",
            CheckedTrd() with { Phq9Total = 19, Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = null }, Verdict.Incomplete, S(Incomplete, Incomplete, Incomplete, NotApplicable, NotApplicable, NotApplicable),
            [.. TrdPrinciples, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit], ["SUI-016", "SUI-008", "REC-001", "REC-002", "REC-003"]),
        // QA293 F2 (rule set 1.27.0, docs/clinical-review.md, section 39): recorded as not done, the assessment is waited for as a
        // blank one is; 1.8.0 to 1.26.0 read the TRD pathways eligible with cautions (SUI-008 only).
        new("TRD with no suicidality recorded but PHQ-9 item 9 of 3, the suicide-risk assessment since recorded as not done (rule set 1.27.0)",
            CheckedTrd() with { Phq9Total = 19, Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = false }, Verdict.Incomplete, S(Incomplete, Incomplete, Incomplete, NotApplicable, NotApplicable, NotApplicable),
            [.. TrdPrinciples, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit], ["SUI-016", "SUI-008", "REC-001", "REC-002", "REC-003"]),
        new("TRD with no suicidality recorded but PHQ-9 item 9 of 3, suicide risk assessed since with none found (rule set 1.8.0)",
            CheckedTrd() with { Phq9Total = 19, Phq9Item9 = 3, SuicideRiskAssessedAfterItem9 = true }, Verdict.Eligible, TrdOpen, TrdPrinciples, ["TRD-001"]),
        // QA272 F2 (rule set 1.25.0, docs/clinical-review.md, section 37): with intent recorded the risk is imminent whatever the
        // preparatory acts, so the pathway no longer waits for them; it opens with cautions, the same-day evaluation first (SUI-007).
        new("EU patient with MDD, active suicidal ideation with intent, no oral antidepressant, the safety net in place, preparatory acts not recorded (rule set 1.25.0)",
            ActiveIdeationWithoutIntent(safetyPlan: true, lethalMeans: true, followUp: true) with
            {
                Jurisdiction = Jurisdiction.Eu,
                OnOralAntidepressant = false,
                OralAntidepressantClass = null,
                SuicidalIntent = true,
                PreparatoryActsOrAbortedAttempt = null,
            },
            Verdict.EligibleWithCautions, SuicidalOnly(EligibleWithCautions), [.. SuicidalPrinciples, Citations.TrdProcedure], ["SUI-001", "SUI-002", "SUI-007", "SUI-011", "EU-004"]),
        // QA281 F6 (rule set 1.26.0, docs/clinical-review.md, section 38): imminent risk with part of the safety net missing is
        // SUI-010's caution alone; 1.25.0 listed SUI-013 beside it, saying the same.
        new("22-year-old with MDD, active suicidal ideation with a plan and intent, a safety plan and follow-up but no lethal-means counselling (rule set 1.26.0)",
            ActiveIdeationWithoutIntent(safetyPlan: true, lethalMeans: false, followUp: true) with { AgeYears = 22, Suicidality = Suicidality.ActiveIdeationWithPlan, SuicidalIntent = true },
            Verdict.EligibleWithCautions, SuicidalOnly(EligibleWithCautions), SuicidalPrinciples, ["SUI-001", "SUI-004", "SUI-007", "SUI-010", "SUI-011", "AGE-002"]),
        new("16-year-old with MDD and active suicidal ideation",
            Suicidal(Suicidality.ActiveIdeation) with { AgeYears = 16 }, Verdict.NotEligibleNow, PalliativeWaits(SuicidalOnly(NotEligible), NotEligible),
            [.. SuicidalPrinciples, Pal], ["AGE-001", "SUI-001"]),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var v in All)
        {
            data.Add(v.Name);
        }

        return data;
    }

    private static Vignette Get(string name) => All.Single(v => v.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Vignette_GivesExpectedVerdict(string name)
    {
        var v = Get(name);
        Assert.Equal(v.Overall, ScreeningEngine.Evaluate(v.History).Overall);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Vignette_GivesExpectedStatusForEverySixPathways(string name)
    {
        var v = Get(name);
        var a = ScreeningEngine.Evaluate(v.History);
        Assert.Equal(Enum.GetValues<Pathway>(), a.Pathways.Select(p => p.Pathway));
        Assert.Equal(v.Statuses, a.Pathways.Select(p => p.Status));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Vignette_CitesExactlyTheExpectedPrinciples(string name)
    {
        var v = Get(name);
        var cited = ScreeningEngine.Evaluate(v.History).Findings.SelectMany(f => f.Principles).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(v.Principles.Order(StringComparer.Ordinal), cited.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_Vignette_FiresTheRulesThatDefineIt(string name)
    {
        var v = Get(name);
        var fired = ScreeningEngine.Evaluate(v.History).Findings.Select(f => f.RuleId).ToArray();
        Assert.All(v.MustFire, id => Assert.Contains(id, fired));
    }

    [Fact]
    public void Vignettes_Together_CiteEveryPrincipleOfTheSourceDocument()
    {
        var cited = All.SelectMany(v => ScreeningEngine.Evaluate(v.History).Findings).SelectMany(f => f.Principles).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(15, Citations.AllPrinciples.Count);
        Assert.All(Citations.AllPrinciples, p => Assert.Contains(p.Id, cited));
    }

    [Fact]
    public void Vignettes_Together_OpenEveryPathwayAndShowEveryStatusAndVerdict()
    {
        var assessments = All.Select(v => ScreeningEngine.Evaluate(v.History)).ToArray();
        Assert.True(All.Count >= 50);
        Assert.All(Enum.GetValues<Pathway>(), pathway => Assert.Contains(assessments, a => a.For(pathway).Status != NotApplicable));
        Assert.All(Enum.GetValues<PathwayStatus>(), status => Assert.Contains(assessments, a => a.Pathways.Any(p => p.Status == status)));
        Assert.All(Enum.GetValues<Verdict>(), verdict => Assert.Contains(assessments, a => a.Overall == verdict));
    }

    [Theory]
    [InlineData("1.0.0", "1.1.0")]
    [InlineData("1.1.0", "1.2.0")]
    [InlineData("1.14.0", "1.15.0")]
    [InlineData("1.24.0", "1.25.0")]
    [InlineData("1.25.0", "1.26.0")]
    public void Vignettes_Together_FireEveryRuleThatARuleSetAddedOrChanged(string from, string to)
    {
        // A vignette for every correction of a clinical review: each rule the release added or changed fires for some
        // patient (and, being in the current set, fires with the current set).
        var diff = RuleSetDiff.Between(RuleSetCatalog.Find(from)!, RuleSetCatalog.Find(to)!);
        var fired = All.SelectMany(v => ScreeningEngine.Evaluate(v.History).Findings).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var corrected = diff.Added.Select(r => r.Id).Concat(diff.Changed.Select(c => c.After.Id)).ToArray();
        Assert.NotEmpty(corrected);
        Assert.Equal([], corrected.Where(id => !fired.Contains(id)).ToArray());
    }

    [Fact]
    public void Evaluate_ActiveIdeationWithoutIntentAndNoSafetyNet_IsEligibleWithCautionsUnder1_2_0AndWasEligibleUnder1_1_0()
    {
        var h = ActiveIdeationWithoutIntent(safetyPlan: false, lethalMeans: false, followUp: false);

        var now = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_2_0);
        Assert.Equal(Verdict.EligibleWithCautions, now.Overall);
        Assert.Equal(PathwayStatus.EligibleWithCautions, now.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.Contains(now.Findings, f => f.RuleId == "SUI-013" && f.Kind == FindingKind.Caution && f.Severity == Severity.High);

        var before = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_1_0);
        Assert.Equal(Verdict.Eligible, before.Overall);
        Assert.Equal(PathwayStatus.Eligible, before.For(Pathway.EsketamineSuicidalIdeation).Status);
        Assert.DoesNotContain(before.Findings, f => f.RuleId == "SUI-013");
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, true, false)]
    public void Evaluate_ActiveIdeationWithAnyPartOfTheSafetyNetMissing_IsNeverPlainlyEligible(bool safetyPlan, bool lethalMeans, bool followUp)
    {
        var a = ScreeningEngine.Evaluate(ActiveIdeationWithoutIntent(safetyPlan, lethalMeans, followUp));
        Assert.Equal(Verdict.EligibleWithCautions, a.Overall);
        Assert.Contains(a.Findings, f => f.RuleId == "SUI-013");
    }

    [Fact]
    public void Evaluate_ActiveIdeationWithTheWholeSafetyNet_IsEligibleWithCautionsFrom1_9_0AndWasPlainlyEligibleUnder1_8_0()
    {
        // QA148 F1 (QA10b C6): a recorded safety net is part of care, not an all-clear; SUI-014 keeps the result "with cautions".
        var h = ActiveIdeationWithoutIntent(safetyPlan: true, lethalMeans: true, followUp: true);
        var now = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.EligibleWithCautions, now.Overall);
        Assert.Equal(["SUI-014"], now.Findings.Where(f => f.Kind == FindingKind.Caution).Select(f => f.RuleId));
        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_8_0).Overall);
    }

    [Fact]
    public void Evaluate_NoSuicidalityButPhq9Item9Of3_IsEligibleWithCautionsUnder1_2_0AndWasEligibleUnder1_1_0()
    {
        var h = CheckedTrd() with { Phq9Item9 = 3 };

        var now = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_2_0);
        Assert.Equal(Verdict.EligibleWithCautions, now.Overall);
        Assert.Contains(now.Findings, f => f.RuleId == "SUI-008" && f.Kind == FindingKind.Caution && f.Severity == Severity.High);

        Assert.Equal(Verdict.Eligible, ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_1_0).Overall);
    }

    [Fact]
    public void Vignettes_Names_AreUnique() => Assert.Equal(All.Count, All.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
}
