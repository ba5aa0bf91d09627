using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Rules.Scores;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.EuLabel;

/// <summary>
/// EU-005 (from 1.9.0): the EU label gives esketamine for TRD in a moderate to severe episode; a PHQ-9 total in the minimal
/// or mild band, or none recorded, does not show one. A caution that marks only the esketamine-trd pathway, whose label
/// condition it is, as EU-001 to EU-003 (QA148 F4; SPRAVATO-SMPC-EU, PHQ-9; docs/clinical-review.md, section 17).
/// </summary>
public sealed class EuTrdModerateToSevereEpisodeNotShown : Rule
{
    public override string Id => "EU-005";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<Pathway>? Concerns { get; } = [Pathway.EsketamineTrd];

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdDefinition];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu, Citations.Phq9];

    public override string ConditionText => "EU jurisdiction, treatment-resistant depression, and the PHQ-9 total is below 10 (the minimal or mild band) or not recorded.";

    public override Condition Condition { get; } =
        All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Eu), BelowOrNotRecorded(Fields.Phq9Total, Phq9Cutoff.ModerateBand));

    public override string Summary => "EU: the TRD indication is for a moderate to severe episode, and no PHQ-9 total of 10 or more is recorded: judge the episode's severity before esketamine.";

    public override string Detail =>
        "The EU Summary of Product Characteristics gives esketamine for TRD in the current moderate to severe depressive episode. A PHQ-9 total below 10 is in the minimal (0-4) or mild (5-9) band; with none recorded, the screening shows no severity at all. Whether this episode is moderate to severe is the psychiatrist's judgement.";
}
