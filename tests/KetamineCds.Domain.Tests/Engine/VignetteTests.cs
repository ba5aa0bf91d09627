using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
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

    // The findings of a typical TRD screening cite the TRD definition and mechanism, the REMS and the biomarker note.
    private static readonly string[] TrdPrinciples = [Def, Mech, Rems, Bio];

    private static PathwayStatus[] S(PathwayStatus trd, PathwayStatus suicidal, PathwayStatus offLabel, PathwayStatus bipolar, PathwayStatus palliative, PathwayStatus investigational) =>
        [trd, suicidal, offLabel, bipolar, palliative, investigational];

    private static readonly PathwayStatus[] TrdOpen = S(Eligible, NotApplicable, Eligible, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] TrdWithCautions = S(EligibleWithCautions, NotApplicable, EligibleWithCautions, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] TrdBlocked = S(NotEligible, NotApplicable, NotEligible, NotApplicable, NotApplicable, NotApplicable);
    private static readonly PathwayStatus[] NoneApplies = S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable);

    private static PatientHistory Woman(int age, bool pregnant) => Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = age, Pregnant = pregnant };

    public static IReadOnlyList<Vignette> All { get; } =
    [
        new("52-year-old man with MDD, three failed trials (two SSRIs and an SNRI), on sertraline",
            Trd() with { AgeYears = 52 }, Verdict.Eligible, TrdOpen, TrdPrinciples, ["TRD-001", "KET-001", "REMS-001"]),
        new("MDD with three failed SSRIs (one mechanism), PHQ-9 21",
            Trd() with { DistinctMechanisms = 1, Phq9Total = 21, Phq9Item9 = 0 }, Verdict.Eligible, TrdOpen, TrdPrinciples, ["TRD-002"]),
        new("Bipolar I depression on lithium at a therapeutic level, no mixed features",
            BipolarDepression(), Verdict.Eligible, S(NotApplicable, NotApplicable, NotApplicable, Eligible, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-001", "BIP-006"]),
        new("Bipolar II depression on optimized quetiapine",
            BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.AtypicalAntipsychotic },
            Verdict.EligibleWithCautions, S(NotApplicable, NotApplicable, NotApplicable, EligibleWithCautions, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-005"]),
        new("Bipolar I depression with no mood stabilizer",
            BipolarDepression() with { MoodStabilizer = MoodStabilizer.None, MoodStabilizerOptimized = null },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-002"]),
        new("Bipolar I depression, lithium level below the therapeutic range",
            BipolarDepression() with { MoodStabilizerOptimized = false },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-003"]),
        new("Bipolar I depression with mixed features, on therapeutic lithium",
            BipolarDepression() with { CurrentManiaOrMixedFeatures = true },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-004"]),
        new("Bipolar II depression on valproate, mood state (mania or mixed features) not recorded",
            BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = MoodStabilizer.Valproate, CurrentManiaOrMixedFeatures = null },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotApplicable, NotApplicable),
            [Citations.Bipolar, Bio], ["BIP-007"]),
        new("MDD with active suicidal ideation and a plan, on escitalopram, no safety plan, lethal means not discussed, no follow-up",
            Adult() with
            {
                Suicidality = Suicidality.ActiveIdeationWithPlan, SafetyPlanInPlace = false, LethalMeansCounselled = false,
                FollowUpArranged = null, Phq9Total = 22, Phq9Item9 = 3,
            },
            Verdict.Eligible, S(NotApplicable, Eligible, NotApplicable, NotApplicable, NotApplicable, NotApplicable),
            [Def, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Bio],
            ["SUI-001", "SUI-003", "SUI-004", "SUI-005", "SUI-006", "SUI-007"]),
        new("TRD with a suicide attempt last month, on no antidepressant, safety plan in place, BP 150/95 today",
            Trd() with
            {
                Suicidality = Suicidality.RecentAttempt, SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true,
                OnOralAntidepressant = false, SystolicBp = 150, DiastolicBp = 95,
            },
            Verdict.EligibleWithCautions, S(EligibleWithCautions, EligibleWithCautions, EligibleWithCautions, NotApplicable, NotApplicable, NotApplicable),
            [Def, Mech, Proc, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Bio],
            ["SUI-001", "SUI-002", "SUI-007", "TRD-004", "CV-002"]),
        new("Treatment-resistant depression with active psychotic features",
            Trd() with { Psychosis = PsychosisStatus.Active }, Verdict.NotEligibleNow, TrdBlocked,
            [.. TrdPrinciples, Citations.Psychosis], ["PSY-001"]),
        new("TRD with a past psychotic episode, now controlled on an antipsychotic",
            Trd() with { Psychosis = PsychosisStatus.HistoryControlled }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Psychosis], ["PSY-002", "PSY-003"]),
        new("TRD with a known abdominal aortic aneurysm",
            Trd() with { AneurysmalVascularDisease = true }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["VAS-001"]),
        new("TRD with an arteriovenous malformation and a past intracerebral haemorrhage",
            Trd() with { ArteriovenousMalformation = true, IntracerebralHemorrhageHistory = true }, Verdict.NotEligibleNow, TrdBlocked,
            TrdPrinciples, ["VAS-002", "VAS-003"]),
        new("TRD with a documented anaphylaxis to ketamine",
            Trd() with { HypersensitivityToKetamine = true }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["ALG-001"]),
        new("Pregnant 30-year-old woman with TRD",
            Woman(30, pregnant: true), Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["REP-001"]),
        new("Breastfeeding 32-year-old mother with TRD",
            Woman(32, pregnant: false) with { Breastfeeding = true }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["REP-002", "REP-003"]),
        new("70-year-old with metastatic cancer, prognosis 4 weeks, newly depressed, no antidepressant tried",
            Palliative(4) with { FailedAdequateTrials = 0, OnOralAntidepressant = false }, Verdict.Eligible,
            S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, Eligible, NotApplicable),
            [Citations.Palliative, Def, Bio], ["PAL-001", "TRD-003"]),
        new("Life-limiting illness with a prognosis of 6 months, depressed, no antidepressant tried",
            Palliative(26) with { FailedAdequateTrials = 0 }, Verdict.NotIndicated, NoneApplies,
            [Citations.Palliative, Def], ["PAL-002"]),
        new("Bipolar I depression without a mood stabilizer, prognosis 6 weeks",
            BipolarDepression() with { MoodStabilizer = MoodStabilizer.None, MoodStabilizerOptimized = null, AgeYears = 70, LifeLimitingIllness = true, PrognosisWeeks = 6 },
            Verdict.NotEligibleNow, S(NotApplicable, NotApplicable, NotApplicable, NotEligible, NotEligible, NotApplicable),
            [Citations.Palliative, Citations.Bipolar, Bio], ["PAL-001", "BIP-002"]),
        new("Chronic combat-related PTSD, not currently depressed",
            Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd, CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 },
            Verdict.NotIndicated, S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, InvestigationalOnly),
            [Citations.Ptsd, Citations.Ocd, Bio], ["INV-001"]),
        new("Refractory OCD in a pregnant 28-year-old",
            Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ocd, CurrentDepressiveEpisode = false, SexAtBirth = SexAtBirth.Female, AgeYears = 28, Pregnant = true },
            Verdict.NotIndicated, S(NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotEligible),
            [Citations.Ptsd, Citations.Ocd, Bio], ["INV-001", "REP-001"]),
        new("EU patient with TRD who takes no SSRI or SNRI",
            Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false }, Verdict.Eligible, TrdOpen,
            [Def, Mech, Proc, Rems, Bio], ["EU-001"]),
        new("EU 68-year-old with TRD on venlafaxine",
            Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 68 }, Verdict.Eligible, TrdOpen,
            [Def, Mech, Proc, Rems, Bio], ["EU-002", "AGE-003"]),
        new("17-year-old with TRD",
            Trd() with { AgeYears = 17 }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["AGE-001"]),
        new("22-year-old with TRD",
            Trd() with { AgeYears = 22 }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["AGE-002"]),
        new("TRD on naltrexone for alcohol use disorder in remission",
            Trd() with { OnNaltrexone = true, SubstanceUse = SubstanceUse.InRemission }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Naltrexone], ["NAL-001", "SUB-002"]),
        new("TRD with diabetic neuropathy and opioid-induced hyperalgesia on oxycodone",
            Trd() with { ChronicNeuropathicPain = true, OnOpioids = true, OpioidInducedHyperalgesia = true }, Verdict.EligibleWithCautions, TrdWithCautions,
            [.. TrdPrinciples, Citations.Pain], ["PAIN-001", "PAIN-002", "MED-002"]),
        new("MDD after one failed SSRI, no suicidality",
            Adult(), Verdict.NotIndicated, NoneApplies, [Def], ["TRD-003"]),
        new("MDD after one failed SSRI with passive death wishes, nothing yet in place",
            Adult() with { Suicidality = Suicidality.PassiveIdeation }, Verdict.NotIndicated, NoneApplies,
            [Def, Rems, Citations.SuicidalityLimit], ["SUI-003", "SUI-004", "SUI-005", "SUI-006"]),
        new("MDD with no suicidality recorded but PHQ-9 item 9 of 2 and a total of 8",
            Adult() with { Phq9Total = 8, Phq9Item9 = 2 }, Verdict.NotIndicated, NoneApplies, [Def], ["SUI-008", "SCR-001"]),
        new("TRD with decompensated cirrhosis (Child-Pugh C)",
            Trd() with { HepaticImpairment = HepaticImpairment.Severe }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["HEP-001"]),
        new("TRD with Child-Pugh B cirrhosis",
            Trd() with { HepaticImpairment = HepaticImpairment.Moderate }, Verdict.Eligible, TrdOpen, TrdPrinciples, ["HEP-002"]),
        new("TRD two weeks after a myocardial infarction",
            Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true }, Verdict.NotEligibleNow, TrdBlocked, TrdPrinciples, ["CV-001"]),
        new("TRD with active cocaine use disorder",
            Trd() with { SubstanceUse = SubstanceUse.Active }, Verdict.EligibleWithCautions, TrdWithCautions, TrdPrinciples, ["SUB-001"]),
        new("TRD on clonazepam (20 mg diazepam-equivalent) and phenelzine",
            Trd() with { BenzodiazepineDiazepamEquivalentMg = 20m, OnPsychostimulantOrMaoi = true }, Verdict.EligibleWithCautions, TrdWithCautions,
            TrdPrinciples, ["MED-001", "MED-003"]),
        new("16-year-old with MDD and active suicidal ideation",
            Suicidal(Suicidality.ActiveIdeation) with { AgeYears = 16 }, Verdict.NotEligibleNow,
            S(NotApplicable, NotEligible, NotApplicable, NotApplicable, NotApplicable, NotApplicable),
            [Def, Citations.SuicidalityApproval, Citations.SuicidalityRapid, Citations.SuicidalityLimit, Rems, Bio], ["AGE-001", "SUI-001"]),
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
        Assert.True(All.Count >= 25);
        Assert.All(Enum.GetValues<Pathway>(), pathway => Assert.Contains(assessments, a => a.For(pathway).Status != NotApplicable));
        Assert.All(Enum.GetValues<PathwayStatus>(), status => Assert.Contains(assessments, a => a.Pathways.Any(p => p.Status == status)));
        Assert.All(Enum.GetValues<Verdict>(), verdict => Assert.Contains(assessments, a => a.Overall == verdict));
    }

    [Fact]
    public void Vignettes_Names_AreUnique() => Assert.Equal(All.Count, All.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count());
}
