namespace FleetOps.Web.Fleet;

public enum RegistrationError { None, AlreadyExists, UnknownStore, NotFound, Decommissioned, AcquirerTerminalIdTaken }
