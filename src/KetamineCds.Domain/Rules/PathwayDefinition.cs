using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>A treatment pathway and the rule whose firing means the pathway is indicated for the patient.</summary>
/// <param name="Pathway">The pathway.</param>
/// <param name="IndicationRuleId">The id of the information rule that states the indication.</param>
/// <param name="InvestigationalOnly">True where an indicated, unblocked pathway is reported as investigational, never eligible.</param>
public sealed record PathwayDefinition(Pathway Pathway, string IndicationRuleId, bool InvestigationalOnly = false);
