using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-002: Start an oral antidepressant: for acute suicidal ideation esketamine is given only together with one. (P-TRD-PROCEDURE, P-SUICIDALITY-APPROVAL, SPRAVATO-PI-US, SPRAVATO-SMPC-EU)</summary>
public class SuicidalityPathwayNeedsOralAntidepressant : Rule
{
    public override string Id => "SUI-002";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure, Citations.SuicidalityApproval];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu];

    public override string ConditionText => "The suicidal-ideation pathway applies (SUI-001) and the patient takes no oral antidepressant.";

    public override Condition Condition { get; } = All(Indications.SuicidalMdd, False(Fields.OnOralAntidepressant));

    public override string Summary => "Start an oral antidepressant: for acute suicidal ideation esketamine is given only together with one.";

    public override string Detail =>
        "Both the US label and the EU Summary of Product Characteristics approve esketamine for depression with acute suicidal ideation or behaviour only in conjunction with an oral antidepressant.";
}
