namespace KetamineCds.Domain.Screening;

/// <summary>The JSON type a contract field takes, and so the control the form shows for it.</summary>
public enum FieldType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>An integer.</summary>
    WholeNumber,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A boolean, asked as Yes / No / Not known.</summary>
    YesNo,

    /// <summary>One of a fixed set of contract strings.</summary>
    Choice,

    /// <summary>An array of contract strings from a fixed set.</summary>
    ChoiceList,
}
