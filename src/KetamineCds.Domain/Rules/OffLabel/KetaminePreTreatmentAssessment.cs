using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.OffLabel;

/// <summary>KET-002: Before ketamine: a full pre-treatment assessment and a setting able to monitor and resuscitate. (P-SAFETY-REMS, APA-KETAMINE-2017)</summary>
public sealed class KetaminePreTreatmentAssessment : Rule
{
    public override string Id => "KET-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.ApaKetamine2017];

    public override string ConditionText => "A ketamine pathway other than esketamine's is indicated: off-label TRD, bipolar adjunct, palliative or investigational PTSD/OCD.";

    public override Condition Condition { get; } = Indications.AnyRacemicKetamine;

    public override string Summary => "Before ketamine: a full pre-treatment assessment and a setting able to monitor and resuscitate.";

    public override string Detail =>
        "The consensus guidance asks for a diagnostic assessment that covers substance use and psychotic disorders, a baseline symptom rating, a treatment history, a review of systems for ketamine-related risks, baseline blood pressure, and monitoring of respiratory, cardiovascular and mental status during the treatment by staff trained in advanced life support. It applies to off-label, bipolar-adjunct, palliative and investigational use alike.";
}
