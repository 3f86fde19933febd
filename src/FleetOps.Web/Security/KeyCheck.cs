namespace FleetOps.Web.Security;

public enum KeyCheck { Valid, UnknownKey, OtherTerminal }
