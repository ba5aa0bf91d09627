using System.Net;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>A page post whose anti-forgery token fails, and the page it must get (QA114 F6).</summary>
public static class RefusedForms
{
    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> with a token not issued to this session.</summary>
    public static Task<HttpResponseMessage> PostWithAWrongTokenAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = fields.ToDictionary(f => f.Name, f => f.Value);
        form["__RequestVerificationToken"] = "CfDJ8-not-a-token";
        return client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// The answer is the error page written for a refused form (400, HTML, its heading), with no stack trace; returns its
    /// body for further checks.
    /// </summary>
    public static async Task<string> AssertTheErrorPageForARefusedFormAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>The request could not be accepted</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return body;
    }
}
