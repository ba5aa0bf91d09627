using System.Text.Json;

namespace KetamineCds.Web.Tests;

/// <summary>Checks on the items of <c>GET /api/v1/screenings?patientReference=</c>.</summary>
internal static class ListedItems
{
    /// <summary>Each item carries <paramref name="property"/> exactly as its own <c>GET /api/v1/screenings/{id}</c> answers it, or neither has it.</summary>
    public static async Task AssertEachAsItsOwnGetAsync(HttpClient api, IEnumerable<JsonElement> items, string property)
    {
        foreach (var item in items)
        {
            using var own = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/screenings/{item.GetProperty("id").GetGuid()}"));
            Assert.Equal(
                own.RootElement.TryGetProperty(property, out var expected) ? expected.GetRawText() : null,
                item.TryGetProperty(property, out var listed) ? listed.GetRawText() : null);
        }
    }
}
