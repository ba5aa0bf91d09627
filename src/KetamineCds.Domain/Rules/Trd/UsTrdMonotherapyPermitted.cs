using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Trd;

/// <summary>TRD-004: US: esketamine may be used for TRD without an oral antidepressant, although combination is the usual practice. (P-TRD-PROCEDURE, SPRAVATO-PI-US)</summary>
public sealed class UsTrdMonotherapyPermitted : Rule
{
    public override string Id => "TRD-004";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.Low;

    public override IReadOnlyList<string> Principles { get; } = [Citations.TrdProcedure];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "US jurisdiction, treatment-resistant depression, and the patient takes no oral antidepressant.";

    public override Condition Condition { get; } = All(Indications.TreatmentResistantDepression, Is(Fields.Jurisdiction, Jurisdiction.Us), False(Fields.OnOralAntidepressant));

    public override string Summary => "US: esketamine may be used for TRD without an oral antidepressant, although combination is the usual practice.";

    public override string Detail =>
        "Since January 2025 the US label allows esketamine for TRD as monotherapy or with an oral antidepressant. The source document describes combination with an oral antidepressant as the usual approach (discrepancy D1); weigh starting one alongside.";
}
