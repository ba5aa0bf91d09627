using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// The indications that open pathways, defined once and shared by the rules that state them and the rules that
/// depend on them (REMS requirements apply wherever an esketamine pathway is indicated, for example).
/// </summary>
public static class Indications
{
    /// <summary>Major depressive disorder in a current depressive episode.</summary>
    public static readonly Condition MddInEpisode =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode)));

    /// <summary>The regulatory TRD definition: MDD, current episode, at least two failed adequate trials (P-TRD-DEFINITION).</summary>
    public static readonly Condition TreatmentResistantDepression =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode), AtLeast(Fields.FailedAdequateTrials, 2)));

    /// <summary>Any suicidality at all, passive ideation included.</summary>
    public static readonly Condition AnySuicidality = Shared(Not(Is(Fields.Suicidality, Suicidality.None)));

    /// <summary>MDD in a current episode with acute suicidal ideation or behaviour (P-SUICIDALITY-APPROVAL).</summary>
    public static readonly Condition SuicidalMdd =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode),
            In(Fields.Suicidality, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt)));

    /// <summary>Bipolar I or II disorder.</summary>
    public static readonly Condition BipolarDiagnosis = Shared(In(Fields.PrimaryDiagnosis, PrimaryDiagnosis.BipolarI, PrimaryDiagnosis.BipolarII));

    /// <summary>Bipolar I or II disorder in a current depressive episode (P-BIPOLAR).</summary>
    public static readonly Condition BipolarDepression = Shared(All(BipolarDiagnosis, True(Fields.CurrentDepressiveEpisode)));

    /// <summary>The longest prognosis, in weeks, that counts as "a prognosis of weeks" (P-PALLIATIVE).</summary>
    public const int PalliativePrognosisWeeksAtMost = 8;

    /// <summary>A life-limiting illness with a prognosis of weeks and a current depressive episode (P-PALLIATIVE).</summary>
    public static readonly Condition PalliativeWeeks =
        Shared(All(True(Fields.LifeLimitingIllness), AtMost(Fields.PrognosisWeeks, PalliativePrognosisWeeksAtMost), True(Fields.CurrentDepressiveEpisode)));

    /// <summary>PTSD or OCD as the primary diagnosis (P-PTSD, P-OCD).</summary>
    public static readonly Condition PtsdOrOcd = Shared(In(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Ptsd, PrimaryDiagnosis.Ocd));

    /// <summary>An esketamine pathway is indicated.</summary>
    public static readonly Condition AnyEsketamine = Shared(Any(TreatmentResistantDepression, SuicidalMdd));

    /// <summary>Any pathway is indicated.</summary>
    public static readonly Condition AnyIndication = Shared(Any(TreatmentResistantDepression, SuicidalMdd, BipolarDepression, PalliativeWeeks, PtsdOrOcd));
}
