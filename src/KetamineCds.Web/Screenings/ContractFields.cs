using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// The Web layer's view of the Domain's field catalogue (<see cref="Fields"/>): the JSON reader and writer, the
/// validator and the form find a contract field here by its wire name or by its <see cref="ScreeningRequest"/>
/// property. Names, labels, types, ranges and choices are the catalogue's; nothing is declared twice.
/// </summary>
public static class ContractFields
{
    /// <summary>Every field of the contract, in the contract's order.</summary>
    public static IReadOnlyList<FieldDefinition> All => Fields.All;

    private static readonly Dictionary<string, FieldDefinition> ByProperty = Fields.All.ToDictionary(f => f.Property, StringComparer.Ordinal);

    /// <summary>The field with this contract name, or null (names are case-sensitive, as in the contract).</summary>
    public static FieldDefinition? Find(string name) => Fields.Find(name);

    /// <summary>The field held by this <see cref="ScreeningRequest"/> property, or null.</summary>
    public static FieldDefinition? ForProperty(string property) => ByProperty.GetValueOrDefault(property);

    /// <summary>The clinician's words for a contract field name; the name itself if unknown.</summary>
    public static string LabelOf(string name) => Fields.LabelOf(name);

    /// <summary>
    /// The contract name for a validator property path such as <c>AgeYears</c> or <c>SubstancesUsed[0]</c> (an item
    /// of a list belongs to its field).
    /// </summary>
    public static string NameOfProperty(string property)
    {
        var bracket = property.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0)
        {
            property = property[..bracket];
        }

        return ForProperty(property)?.Name ?? (property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..]);
    }
}
