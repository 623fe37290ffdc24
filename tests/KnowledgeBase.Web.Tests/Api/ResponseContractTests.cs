using System.Reflection;
using KnowledgeBase.Web.Api;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeBase.Web.Tests.Api;

/// <summary>
/// The JSON API answers with the Web project's own <c>*Response</c> types, never with a domain record: a field
/// added to the catalog or the search results reaches clients only when a response type is changed to carry it.
/// </summary>
public sealed class ResponseContractTests
{
    // The two actions that answer no JSON body: the stored original, and 204 after a delete.
    private static readonly string[] ActionsWithoutJson = ["DocumentsApiController.File", "DocumentsApiController.Delete"];

    public static TheoryData<string> ApiActions()
    {
        var data = new TheoryData<string>();
        foreach (var action in Actions())
        {
            data.Add(Name(action));
        }

        return data;
    }

    [Fact]
    public void EveryApiControllerIsFound()
    {
        var controllers = Actions().Select(a => a.DeclaringType!.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["AdminApiController", "DocumentsApiController", "JobsApiController", "SearchApiController", "SuggestApiController"], controllers);
    }

    [Theory]
    [MemberData(nameof(ApiActions))]
    public void Action_AnswersWithAResponseType(string name)
    {
        var action = Actions().Single(a => Name(a) == name);
        var answer = Unwrap(action.ReturnType);
        if (answer == typeof(IActionResult))
        {
            Assert.Contains(name, ActionsWithoutJson);
            return;
        }

        var element = ElementType(answer) ?? answer;
        Assert.True(element.Name.EndsWith("Response", StringComparison.Ordinal), $"{name} answers {answer}");
    }

    [Fact]
    public void ResponseTypes_CarryNoDomainRecord()
    {
        var leaks = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in typeof(SearchResponse).Assembly.GetTypes().Where(t => t.Namespace == typeof(SearchResponse).Namespace && t.Name.EndsWith("Response", StringComparison.Ordinal)))
        {
            Walk(type, type.Name, seen, leaks);
        }

        Assert.Empty(leaks);
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> leaks)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum || type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.Namespace == "System" || !seen.Add(type))
        {
            return;
        }

        if (ElementType(type) is { } element)
        {
            Walk(element, path + "[]", seen, leaks);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            Walk(type.GetGenericArguments()[0], path + ".key", seen, leaks);
            Walk(type.GetGenericArguments()[1], path + ".value", seen, leaks);
            return;
        }

        if (type.Namespace?.StartsWith("KnowledgeBase.Core", StringComparison.Ordinal) == true)
        {
            leaks.Add($"{path}: {type.FullName}");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, path + "." + property.Name, seen, leaks);
        }
    }

    private static IEnumerable<MethodInfo> Actions() =>
        typeof(SearchResponse).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && t.GetCustomAttribute<ApiControllerAttribute>() is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null);

    private static string Name(MethodInfo action) => action.DeclaringType!.Name + "." + action.Name;

    /// <summary>Task&lt;T&gt;, ActionResult&lt;T&gt; → T.</summary>
    private static Type Unwrap(Type type)
    {
        while (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ActionResult<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(List<>) || d == typeof(IEnumerable<>)) ? type.GetGenericArguments()[0]
        : null;
}
