using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.OffLabel;

/// <summary>KET-002: Before off-label ketamine: a full pre-treatment assessment and a setting able to monitor and resuscitate. (P-TRD-MECHANISM, APA-KETAMINE-2017)</summary>
public sealed class OffLabelKetaminePreTreatmentAssessment : Rule
{
    public override string Id => "KET-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdMechanism];

    public override IReadOnlyList<string> Sources { get; } = [Citations.ApaKetamine2017];

    public override string ConditionText => "Treatment-resistant depression as defined in TRD-001.";

    public override Condition Condition { get; } = Indications.TreatmentResistantDepression;

    public override string Summary => "Before off-label ketamine: a full pre-treatment assessment and a setting able to monitor and resuscitate.";

    public override string Detail =>
        "The consensus guidance asks for a diagnostic assessment that covers substance use and psychotic disorders, a baseline symptom rating, a treatment history confirming the adequate trials, a review of systems for ketamine-related risks, baseline blood pressure, and monitoring of respiratory, cardiovascular and mental status during the infusion by staff trained in advanced life support.";
}
