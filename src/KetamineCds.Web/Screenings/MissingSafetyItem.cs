using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>A safety item that must be recorded before a pathway can open, and the pathways that wait for it.</summary>
/// <param name="Field">The contract field name.</param>
/// <param name="Label">The clinician's label (the Domain catalogue's), in the request's language.</param>
/// <param name="Pathways">The pathways that are incomplete until it is recorded.</param>
public sealed record MissingSafetyItem(string Field, string Label, IReadOnlyList<Pathway> Pathways);
