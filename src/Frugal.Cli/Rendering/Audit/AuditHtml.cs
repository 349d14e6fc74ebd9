using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Frugal.Domain.Audit;

namespace Frugal.Cli.Rendering.Audit;

/// <summary>
/// Writes the audit as one self-contained HTML file: the same sections as the terminal, and charts of use over
/// time, cost per feature and the leaderboard drawn by Apache ECharts, which is inlined so the file reads offline.
/// Every text from history (commit titles, names) is HTML-encoded, and the chart data is JSON escaped for a script.
/// </summary>
internal static class AuditHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Write(AuditReport report)
    {
        var page = new StringBuilder(1 << 21);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Frugal audit ")
            .Append(Html.Encode($"{report.Since:yyyy-MM-dd} – {report.Until:yyyy-MM-dd}"))
            .Append("</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>Frugal audit</h1><p class=\"sub\">").Append(Html.Encode(AuditView.Subtitle(report)))
            .Append("</p>\n<div class=\"charts\"><div id=\"chart-daily\" class=\"chart\"></div>")
            .Append("<div id=\"chart-features\" class=\"chart\"></div>")
            .Append("<div id=\"chart-leaderboard\" class=\"chart\"></div></div>\n");
        foreach (var section in AuditView.Sections(report))
        {
            Section(page, section);
        }

        page.Append("<p class=\"sub\">Charts drawn with Apache ECharts (Apache License 2.0), included in this file.")
            .Append("</p>\n<script type=\"application/json\" id=\"audit-data\">").Append(ChartData(report))
            .Append("</script>\n<script>").Append(ECharts()).Append("</script>\n<script>").Append(ChartScript)
            .Append("</script>\n</body></html>\n");
        return page.ToString();
    }

    private static void Section(StringBuilder page, ViewSection section)
    {
        page.Append("<section id=\"").Append(section.Id).Append("\"><h2>").Append(Html.Encode(section.Title))
            .Append("</h2>\n");
        if (section.Table is { } table)
        {
            page.Append("<table><thead><tr>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                page.Append(table.RightAligned[i] ? "<th class=\"n\">" : "<th>").Append(Html.Encode(table.Columns[i]))
                    .Append("</th>");
            }

            page.Append("</tr></thead><tbody>\n");
            foreach (var row in table.Rows)
            {
                page.Append("<tr>");
                for (var i = 0; i < row.Count; i++)
                {
                    page.Append(table.RightAligned[i] ? "<td class=\"n\">" : "<td>").Append(Html.Encode(row[i]))
                        .Append("</td>");
                }

                page.Append("</tr>\n");
            }

            page.Append("</tbody></table>\n");
        }

        foreach (var line in section.Lines)
        {
            page.Append("<p>").Append(Html.Encode(line)).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>The data the charts draw, as JSON safe inside a script element (no &lt;, &gt; or &amp; left).</summary>
    private static string ChartData(AuditReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartObject();
            // Every date of the window, days without use at zero, so that the time axis is even.
            json.WriteStartArray("daily");
            var used = report.Daily.ToDictionary(d => d.Date);
            for (var date = report.Since; date <= report.Until && report.Daily.Count > 0; date = date.AddDays(1))
            {
                var day = used.GetValueOrDefault(date) ?? new DailyUsage(date, 0, 0);
                json.WriteStartArray();
                json.WriteStringValue(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumberValue(Numbers.UsdForJson(day.CostUsd));
                json.WriteNumberValue(day.Tokens);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("features");
            foreach (var feature in report.Features.Where(f => f.CostUsd > 0).Take(15).Reverse())
            {
                json.WriteStartArray();
                json.WriteStringValue($"{Figures.Short(feature.Sha)} {Figures.Clip(feature.Title, 40)}");
                json.WriteNumberValue(Numbers.UsdForJson(feature.CostUsd));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("leaderboard");
            foreach (var row in report.Leaderboard.Where(r => r.Score.Value is not null).Take(15).Reverse())
            {
                json.WriteStartArray();
                json.WriteStringValue(report.By == AuditGrouping.Project ? AuditView.Name(row.Name) : row.Name);
                json.WriteNumberValue(Math.Round(row.Score.Value!.Value, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ECharts()
    {
        using var stream = typeof(AuditHtml).Assembly.GetManifestResourceStream("Frugal.Cli.echarts.min.js")
            ?? throw new InvalidOperationException("The ECharts script is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // The script is inlined: a closing script tag inside it would end the element early.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;
          color:#1d2330;padding:0 1rem}
        h1{margin:0}h2{margin-top:2rem;border-bottom:1px solid #d8dce4;padding-bottom:.2rem}.sub{color:#5b6475}
        table{border-collapse:collapse;margin:.5rem 0;font-variant-numeric:tabular-nums}
        th,td{border:1px solid #d8dce4;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f5f9}
        .n{text-align:right}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}
        .chart{height:360px;border:1px solid #d8dce4;border-radius:6px}#chart-daily{grid-column:1/-1}
        .empty{display:flex;align-items:center;justify-content:center;color:#5b6475}
        """;

    private const string ChartScript = """
        (function () {
          var data = JSON.parse(document.getElementById('audit-data').textContent);
          function draw(id, rows, empty, option) {
            var element = document.getElementById(id);
            if (!window.echarts) { element.textContent = 'The charts need JavaScript.'; return; }
            if (rows.length === 0) { element.textContent = empty; element.className += ' empty'; return; }
            option.animation = false;
            echarts.init(element).setOption(option);
          }
          function labels(rows) { return rows.map(function (r) { return r[0]; }); }
          function values(rows, i) { return rows.map(function (r) { return r[i]; }); }
          draw('chart-daily', data.daily, 'No use in this window.', {
            title: { text: 'Use over time', left: 'center' }, tooltip: { trigger: 'axis' },
            legend: { bottom: 0, data: ['Cost (USD)', 'Tokens'] }, grid: { containLabel: true, left: 16, right: 16 },
            xAxis: { type: 'category', data: labels(data.daily) },
            yAxis: [{ type: 'value', name: 'USD' }, { type: 'value', name: 'tokens' }],
            series: [
              { name: 'Cost (USD)', type: 'bar', data: values(data.daily, 1) },
              { name: 'Tokens', type: 'line', yAxisIndex: 1, data: values(data.daily, 2) }
            ]
          });
          draw('chart-features', data.features, 'No feature with linked spend.', {
            title: { text: 'Cost per feature (USD)', left: 'center' }, tooltip: {},
            grid: { containLabel: true, left: 16, right: 24 }, xAxis: { type: 'value' },
            yAxis: { type: 'category', data: labels(data.features),
              axisLabel: { width: 220, overflow: 'truncate' } },
            series: [{ type: 'bar', data: values(data.features, 1) }]
          });
          draw('chart-leaderboard', data.leaderboard, 'No per-feature score: see the scores below.', {
            title: { text: 'Leaderboard: per-feature score', left: 'center' }, tooltip: {},
            grid: { containLabel: true, left: 16, right: 24 }, xAxis: { type: 'value' },
            yAxis: { type: 'category', data: labels(data.leaderboard),
              axisLabel: { width: 160, overflow: 'truncate' } },
            series: [{ type: 'bar', data: values(data.leaderboard, 1) }]
          });
        })();
        """;
}
