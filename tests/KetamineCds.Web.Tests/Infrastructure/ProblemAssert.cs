using System.Net;
using System.Text.Json;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>Assertions on an API or export problem answer.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// Asserts that <paramref name="response"/> (whose body is <paramref name="body"/>) is a 400 problem
    /// (<c>application/problem+json</c>) whose errors name <paramref name="field"/> alone; returns that field's first message.
    /// </summary>
    public static string? RefusedOneField(HttpResponseMessage response, string body, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        return errors.GetProperty(field)[0].GetString();
    }
}
