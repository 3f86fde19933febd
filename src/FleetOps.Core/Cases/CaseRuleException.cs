namespace FleetOps.Core.Cases;

/// <summary>Why a change to a case was refused, in words for the person who tried.</summary>
public sealed class CaseRuleException(string message) : Exception(message);
