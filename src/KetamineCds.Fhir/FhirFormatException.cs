namespace KetamineCds.Fhir;

/// <summary>
/// The FHIR data an EHR sent cannot be read: not a JSON object, no <c>resourceType</c>, a resource the Firely SDK
/// cannot parse, or an element of the wrong type. <see cref="Exception.Message"/> is a short reason that is safe to
/// show the caller: it never holds a stack trace or any of the patient's data.
/// </summary>
public sealed class FhirFormatException : Exception
{
    public FhirFormatException()
        : base("The FHIR data could not be read.")
    {
    }

    public FhirFormatException(string reason)
        : base(reason)
    {
    }

    public FhirFormatException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
