namespace KetamineCds.Domain.Screening;

/// <summary>How a <see cref="WhenClause"/> tests its field.</summary>
public enum WhenTest
{
    /// <summary><c>field=a,b</c>: recorded as one of the values.</summary>
    OneOf,

    /// <summary><c>field&lt;&gt;a</c>: recorded, and not the value.</summary>
    RecordedAndNot,

    /// <summary><c>field!=a</c>: anything but the value, not recorded included.</summary>
    AnythingBut,

    /// <summary><c>field:12-55</c>: a number in the range.</summary>
    InRange,
}
