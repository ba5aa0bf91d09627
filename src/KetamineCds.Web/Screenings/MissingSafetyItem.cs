using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>A safety question not recorded whose answer could block a pathway, and the pathways that wait for it.</summary>
/// <param name="Field">The contract field name.</param>
/// <param name="Label">The clinician's label (the Domain catalogue's), in the request's language.</param>
/// <param name="Pathways">
/// The pathways that are incomplete until it is recorded; empty when none waits for it (a recorded contraindication
/// already blocks them, or the answers recorded leave none waiting), though it could still rule a pathway out.
/// </param>
public sealed record MissingSafetyItem(string Field, string Label, IReadOnlyList<Pathway> Pathways);
