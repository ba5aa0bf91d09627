using System.Text;

namespace KetamineCds.Web.Audit;

/// <summary>RFC 4180 CSV, with spreadsheet formula injection neutralised.</summary>
public static class Csv
{
    public static string Row(params string?[] cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i] ?? "";
            // A cell a spreadsheet would run as a formula is prefixed so it stays text (OWASP CSV injection).
            if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal))
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        return sb.Append('\n').ToString();
    }
}
