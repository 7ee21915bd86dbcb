package fr.ccamhub.interceptors.security;

import java.util.List;

/** Finds the patients a monitoring device (identified by its OAuth client) is linked to. */
@FunctionalInterface
public interface DevicePatientLinks {

	/** Patient ids (logical ids, no type) the calling device may post Observations for. */
	List<String> patientsOf(AccessPrincipal device);
}
