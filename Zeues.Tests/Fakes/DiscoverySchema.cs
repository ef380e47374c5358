using System.Text.Json;

namespace Zeues.Tests.Fakes;

/// <summary>
/// Google's published Sheets v4 discovery document, used to check request bodies field for field:
/// an unknown field, a wrong JSON type or a value outside an enum is a violation.
/// </summary>
public sealed class DiscoverySchema
{
    private readonly JsonElement _schemas;

    private DiscoverySchema(JsonDocument document)
    {
        Document = document;
        _schemas = document.RootElement.GetProperty("schemas");
    }

    public JsonDocument Document { get; }

    public static DiscoverySchema Load() => new(JsonDocument.Parse(File.ReadAllText(FindFile())));

    /// <summary>
    /// The copy kept in the repository (Fakes/Reference) and copied next to the test assembly: a clone
    /// alone must run the contract tests, so nothing outside the repository is ever looked for.
    /// </summary>
    public static string FindFile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fakes", "Reference", "sheets.v4.discovery.json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The Sheets v4 discovery document is missing from the test output: {path}");
    }

    /// <summary>Every violation of <paramref name="value"/> against the named schema, with its JSON path.</summary>
    public IReadOnlyList<string> Validate(string schema, JsonElement value)
    {
        var errors = new List<string>();
        CheckRef(schema, value, "$", errors);
        return errors;
    }

    /// <summary>A method's query parameters: unknown names and enum values are violations.</summary>
    public IReadOnlyList<string> ValidateQuery(string resourcePath, string method, IEnumerable<KeyValuePair<string, string>> query)
    {
        var node = Document.RootElement;
        foreach (var part in resourcePath.Split('.')) node = node.GetProperty("resources").GetProperty(part);
        var parameters = node.GetProperty("methods").GetProperty(method).GetProperty("parameters");
        var global = Document.RootElement.GetProperty("parameters");
        var errors = new List<string>();
        foreach (var (name, value) in query)
        {
            if (!parameters.TryGetProperty(name, out var p) && !global.TryGetProperty(name, out p))
            {
                errors.Add($"unknown query parameter {name}");
                continue;
            }
            if (p.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != value))
                errors.Add($"{name}={value} is not one of its enum values");
        }
        return errors;
    }

    private void CheckRef(string name, JsonElement value, string path, List<string> errors)
    {
        if (!_schemas.TryGetProperty(name, out var schema))
        {
            errors.Add($"{path}: unknown schema {name}");
            return;
        }
        Check(schema, value, path, errors);
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            CheckRef(reference.GetString()!, value, path, errors);
            return;
        }
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        switch (type)
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}: expected object, got {value.ValueKind}");
                    return;
                }
                var hasProperties = schema.TryGetProperty("properties", out var properties);
                var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : (JsonElement?)null;
                foreach (var property in value.EnumerateObject())
                {
                    if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
                        Check(propertySchema, property.Value, $"{path}.{property.Name}", errors);
                    else if (additional is { } any) Check(any, property.Value, $"{path}.{property.Name}", errors);
                    else errors.Add($"{path}.{property.Name}: unknown field");
                }
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected array, got {value.ValueKind}");
                    return;
                }
                var index = 0;
                foreach (var item in value.EnumerateArray()) Check(schema.GetProperty("items"), item, $"{path}[{index++}]", errors);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) errors.Add($"{path}: expected string, got {value.ValueKind}");
                else if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != value.GetString()))
                    errors.Add($"{path}: {value.GetString()} is not one of its enum values");
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) errors.Add($"{path}: expected integer");
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number) errors.Add($"{path}: expected number, got {value.ValueKind}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected boolean, got {value.ValueKind}");
                break;
            case "any":
                break;
        }
    }
}
