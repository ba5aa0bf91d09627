namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 200 (review mend, duplicates D5): <see cref="SamePatient.NamesAnother"/> reads a reference with the same
/// <c>TypeAndId</c> that <see cref="SamePatient.SubjectNotShown"/> uses, not a second parser of its own. These rows pin
/// what it answered before the change, malformed references included (each refused as before: no Patient id holds a '/').
/// </summary>
public class SamePatientReferenceTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Patient/p1", false)]
    [InlineData("Patient/p2", true)]
    [InlineData("Patient/p1/_history/3", false)]
    [InlineData("Patient/p2/_history/3", true)]
    [InlineData("http://ehr.example/fhir/Patient/p1", false)]
    [InlineData("https://ehr.example/fhir/Patient/p2", true)]
    [InlineData("https://ehr.example/fhir/Patient/p1/_history/2", false)]
    [InlineData("https://ehr.example/fhir/Patient/p2/_history/2", true)]
    [InlineData("Group/g1", false)]
    [InlineData("http://ehr.example/fhir/Group/g1", false)]
    [InlineData("#p1", false)]
    [InlineData("urn:uuid:5f0c9b5e-1111-4c33-9c9e-000000000001", false)]
    [InlineData("patient/p2", false)]
    [InlineData("Patient/p1/extra", true)]
    [InlineData("Patient/", true)]
    [InlineData("http://ehr.example/fhir/Patient/p1/extra", true)]
    [InlineData("http://ehr.example/fhir/Patient/", true)]
    [InlineData("Patient/_history/1", false)]
    public void NamesAnother_AnswersAsBefore(string? reference, bool another) =>
        Assert.Equal(another, SamePatient.NamesAnother(reference, "p1"));
}
