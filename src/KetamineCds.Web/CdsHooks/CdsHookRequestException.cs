namespace KetamineCds.Web.CdsHooks;

/// <summary>The hook request or feedback is not what the spec describes, or its FHIR cannot be read: 400, nothing recorded.</summary>
public sealed class CdsHookRequestException : Exception
{
    public CdsHookRequestException()
        : base("The request could not be read.")
    {
    }

    public CdsHookRequestException(string message)
        : base(message)
    {
    }

    public CdsHookRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
