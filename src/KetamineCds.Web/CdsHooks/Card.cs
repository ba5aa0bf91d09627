using System.Text.Json.Serialization;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.CdsHooks;

/// <summary>A CDS Hooks 2.0 card.</summary>
public sealed record Card(
    string Uuid,
    string Summary,
    string Indicator,
    string Detail,
    CardSource Source,
    IReadOnlyList<Coding> OverrideReasons,
    IReadOnlyList<CardLink>? Links = null)
{
    /// <summary>The decision an override of this card records (against the screening's recommendation, or in spite of it).</summary>
    [JsonIgnore]
    public OverrideDecision OverrideMeans { get; init; } = OverrideDecision.Proceed;
}
