using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Psychosis;

/// <summary>PSY-002: History of psychosis, now controlled: proceed only with great caution and a plan to stop at once. (P-PSYCHOSIS, SPRAVATO-PI-US)</summary>
public sealed class ControlledPsychosisHistoryHighCaution : Rule
{
    public override string Id => "PSY-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Psychosis];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Past psychotic symptoms, now controlled on an antipsychotic.";

    public override Condition Condition { get; } = Is(Fields.Psychosis, PsychosisStatus.HistoryControlled);

    public override string Summary => "History of psychosis, now controlled: proceed only with great caution and a plan to stop at once.";

    public override string Detail =>
        "The source document allows use once antipsychotics control the psychosis, and then only with great caution; the label asks that patients with psychosis be assessed carefully and treated only if the benefit outweighs the risk. This protocol is expert opinion, not trial evidence.";
}
