namespace KetamineCds.Domain.Screening;

/// <summary>
/// How a choice list field's contract values become its typed value: the enumeration its items are (the field's
/// <see cref="FieldDefinition.ChoiceType"/>) and how the read items make the list.
/// </summary>
/// <typeparam name="T">The field's type, e.g. <c>ValueList&lt;SubstanceUsed&gt;?</c>.</typeparam>
internal sealed class ListOfChoices<T>
{
    public ListOfChoices(Type itemType, Func<IEnumerable<object>, T> make)
    {
        ItemType = itemType;
        Make = make;
    }

    /// <summary>The enumeration each item is.</summary>
    public Type ItemType { get; }

    /// <summary>Makes the field's value from items already read as <see cref="ItemType"/>.</summary>
    public Func<IEnumerable<object>, T> Make { get; }
}

/// <summary>Makes a <see cref="ListOfChoices{T}"/> for a list of one enumeration's values.</summary>
internal static class ListOfChoices
{
    /// <summary>A list of <typeparamref name="TItem"/> values, as <see cref="ValueList{T}"/>.</summary>
    public static ListOfChoices<ValueList<TItem>?> Of<TItem>()
        where TItem : struct, Enum => new(typeof(TItem), items => new ValueList<TItem>(items.Cast<TItem>()));
}
