namespace FleetOps.Web.Ingestion;

public enum KeyCheck { Valid, UnknownKey, OtherTerminal }
