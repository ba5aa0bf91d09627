using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Naltrexone;

/// <summary>NAL-002: Opioids and naltrexone recorded together: check the medicine list with the prescribers before any treatment. (P-NALTREXONE, SPRAVATO-REMS)</summary>
public sealed class OpioidsWithNaltrexone : Rule
{
    public override string Id => "NAL-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Naltrexone];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoRems];

    public override string ConditionText => "The patient is recorded as taking both opioids and naltrexone.";

    public override Condition Condition { get; } = All(True(Fields.OnOpioids), True(Fields.OnNaltrexone));

    public override string Summary => "Opioids and naltrexone recorded together: check the medicine list with the prescribers before any treatment.";

    public override string Detail =>
        "Naltrexone blocks opioids, so the two together may mean an error in the list, opioid analgesia that will not work, or a risk of withdrawal or, if the blockade is overridden, of overdose. Clarify the regimen with the prescribers; the REMS monitoring form asks for every opioid.";
}
