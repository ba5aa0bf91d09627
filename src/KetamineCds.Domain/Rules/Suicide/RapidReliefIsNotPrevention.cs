using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-006: Rapid relief is not prevention: esketamine has not been shown to reduce suicidal ideation or behaviour or to prevent suicide, and does not replace hospitalisation. (P-SUICIDALITY-LIMIT, P-SUICIDALITY-RAPID, SPRAVATO-PI-US)</summary>
public sealed class RapidReliefIsNotPrevention : Rule
{
    public override string Id => "SUI-006";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityLimit, Citations.SuicidalityRapid];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Any suicidality is recorded.";

    public override Condition Condition { get; } = Indications.AnySuicidality;

    public override string Summary => "Rapid relief is not prevention: esketamine has not been shown to reduce suicidal ideation or behaviour or to prevent suicide, and does not replace hospitalisation.";

    public override string Detail =>
        "The rapid reduction of suicidal thoughts that the source document describes was seen in studies of intravenous ketamine. For esketamine the label is explicit: a reduction of suicidal ideation or behaviour and the prevention of suicide have not been demonstrated, hospitalisation stays necessary where it is clinically warranted even after improvement, and use beyond 4 weeks for this indication has not been systematically evaluated. Feeling better is not the same as being safe.";
}
