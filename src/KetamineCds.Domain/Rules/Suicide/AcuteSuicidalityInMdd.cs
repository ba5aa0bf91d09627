using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-001: Major depression with acute suicidal ideation or behaviour: the esketamine pathway for this indication applies. (P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US)</summary>
public sealed class AcuteSuicidalityInMdd : Rule
{
    public override string Id => "SUI-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityApproval, Citations.SuicidalityRapid];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan) or a suicide attempt in the last 3 months.";

    public override Condition Condition { get; } = Indications.SuicidalMdd;

    public override string Summary => "Major depression with acute suicidal ideation or behaviour: the esketamine pathway for this indication applies.";

    public override string Detail =>
        "Intranasal esketamine is approved for depressive symptoms in adults with major depression and acute suicidal ideation or behaviour, together with an oral antidepressant. Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks. Passive ideation alone does not open this pathway.";
}
