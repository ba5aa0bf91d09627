namespace KetamineCds.Domain.Screening;

/// <summary>Sex recorded at birth (contract field <c>sexAtBirth</c>).</summary>
public enum SexAtBirth { Female, Male, Intersex, Unknown }

/// <summary>The labelling regime that applies (contract field <c>jurisdiction</c>).</summary>
public enum Jurisdiction { Us, Eu }

/// <summary>The primary psychiatric diagnosis (contract field <c>primaryDiagnosis</c>).</summary>
public enum PrimaryDiagnosis { Mdd, BipolarI, BipolarII, Ptsd, Ocd, Other }

/// <summary>The mood stabilizer a patient with bipolar disorder takes (contract field <c>moodStabilizer</c>).</summary>
public enum MoodStabilizer { None, Lithium, Valproate, Lamotrigine, AtypicalAntipsychotic, Other }

/// <summary>Psychosis status (contract field <c>psychosis</c>); see P-PSYCHOSIS.</summary>
public enum PsychosisStatus
{
    None,

    /// <summary>Past psychotic symptoms, now controlled on an antipsychotic.</summary>
    HistoryControlled,

    /// <summary>Past psychotic symptoms, not on an antipsychotic now (contract 1.1).</summary>
    HistoryUntreated,

    Active,
}

/// <summary>Current suicidality (contract field <c>suicidality</c>); a recent attempt is one within 3 months.</summary>
public enum Suicidality { None, PassiveIdeation, ActiveIdeation, ActiveIdeationWithPlan, RecentAttempt }

/// <summary>Substance use disorder status (contract field <c>substanceUse</c>).</summary>
public enum SubstanceUse { None, InRemission, Active }

/// <summary>A substance a substance use disorder involves (contract 1.1 field <c>substancesUsed</c>).</summary>
public enum SubstanceUsed { Alcohol, Opioids, Stimulants, Cannabis, KetamineOrPcp, Sedatives, Other }

/// <summary>The class of the current oral antidepressant (contract 1.1 field <c>oralAntidepressantClass</c>).</summary>
public enum OralAntidepressantClass { Ssri, Snri, Other }

/// <summary>Hepatic impairment, Child-Pugh A/B/C for mild/moderate/severe (contract field <c>hepaticImpairment</c>).</summary>
public enum HepaticImpairment { None, Mild, Moderate, Severe }

/// <summary>The overall verdict of a screening (contract field <c>overall</c>).</summary>
public enum Verdict
{
    Eligible,
    EligibleWithCautions,

    /// <summary>An indication exists and nothing recorded blocks it, but a safety item it depends on is not recorded (1.1).</summary>
    Incomplete,
    NotEligibleNow,
    NotIndicated,
}

/// <summary>The six treatment pathways the engine always reports (contract field <c>pathway</c>).</summary>
public enum Pathway
{
    EsketamineTrd,
    EsketamineSuicidalIdeation,
    KetamineOffLabelTrd,
    BipolarAdjunct,
    PalliativeRapidActing,
    InvestigationalPtsdOcd,
}

/// <summary>The status of one pathway (contract field <c>status</c>).</summary>
public enum PathwayStatus
{
    Eligible,
    EligibleWithCautions,

    /// <summary>Indicated and not blocked by anything recorded, but a safety item that could block it is not recorded (1.1).</summary>
    Incomplete,
    NotEligible,
    NotApplicable,
    InvestigationalOnly,
}

/// <summary>What a finding means for the decision (contract field <c>kind</c>).</summary>
public enum FindingKind
{
    /// <summary>Blocks treatment now.</summary>
    Contraindication,

    /// <summary>To weigh; proceed with safeguards.</summary>
    Caution,

    /// <summary>Must be in place or arranged.</summary>
    Requirement,

    /// <summary>For the clinician's information; never changes a status.</summary>
    Information,
}

/// <summary>How much a finding weighs (contract field <c>severity</c>).</summary>
public enum Severity { High, Moderate, Low }
