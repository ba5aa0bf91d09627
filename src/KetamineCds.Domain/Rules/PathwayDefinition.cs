using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>A treatment pathway and the rules that decide it.</summary>
/// <param name="Pathway">The pathway.</param>
/// <param name="IndicationRuleId">The id of the information rule whose firing means the pathway is indicated.</param>
/// <param name="InvestigationalOnly">True where an indicated, unblocked pathway is reported as investigational, never eligible.</param>
/// <param name="CompletenessRuleId">
/// The id of the requirement rule that fires when a safety item that could block the pathway is not recorded (1.1);
/// null in rule sets that predate it.
/// </param>
public sealed record PathwayDefinition(Pathway Pathway, string IndicationRuleId, bool InvestigationalOnly = false, string? CompletenessRuleId = null);
