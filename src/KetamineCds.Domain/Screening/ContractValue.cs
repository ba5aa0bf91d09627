namespace KetamineCds.Domain.Screening;

/// <summary>
/// How a field's contract value (what the request holds: a string for a choice or a text, a list of strings, a whole
/// number, a number, a flag) becomes the field's typed value in the <see cref="PatientHistory"/>. Made once per field,
/// when the catalogue is built; reading a request reflects over nothing.
/// </summary>
internal static class ContractValue
{
    /// <summary>The reader of <paramref name="field"/>'s values.</summary>
    /// <param name="field">The field.</param>
    /// <param name="list">For a list field: how its items (enumeration values) become the field's list.</param>
    public static Func<object?, T> ReaderFor<T>(FieldDefinition field, ListOfChoices<T>? list)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        var optional = !typeof(T).IsValueType || Nullable.GetUnderlyingType(typeof(T)) is not null;
        Func<object, object?> convert =
            type == typeof(string) ? value => value is string { Length: > 0 } text ? text : null
            : type == typeof(decimal) ? value => value is int whole ? (decimal)whole : value
            : type.IsEnum ? EnumReader(field, type)
            : list is not null ? ListReader(field, list.ItemType, items => list.Make(items))
            : value => value;
        return value =>
        {
            var converted = value is null ? null : convert(value);
            converted ??= field.Default is { } fallback ? convert(fallback) : null;
            return converted is not null ? (T)converted
                : optional ? default!
                : throw new InvalidOperationException($"{field.Name} is required and not recorded; validate the request first.");
        };
    }

    /// <summary>A contract string to its enumeration value; a string the contract does not know is an error, never "not recorded".</summary>
    private static Func<object, object?> EnumReader(FieldDefinition field, Type enumType)
    {
        var values = Enum.GetValuesAsUnderlyingType(enumType).Cast<object>()
            .Select(v => (Enum)Enum.ToObject(enumType, v))
            .ToDictionary(WireNames.Of, v => (object)v, StringComparer.Ordinal);
        return value => value switch
        {
            string { Length: 0 } => null,
            string text when values.TryGetValue(text, out var known) => known,
            _ => throw new InvalidOperationException($"'{value}' is not a value of {field.Name}; validate the request first."),
        };
    }

    private static Func<object, object?> ListReader(FieldDefinition field, Type itemType, Func<IEnumerable<object>, object?> make)
    {
        var item = EnumReader(field, itemType);
        return value => value is IEnumerable<string> texts && texts.Select(t => item(t)!).Distinct().ToList() is { Count: > 0 } items
            ? make(items)
            : null;
    }
}
