package fr.ccamhub.server.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.DevicePatientLinks;
import java.util.List;
import org.hl7.fhir.r4.model.Device;
import org.springframework.stereotype.Component;

/**
 * A device is linked to a patient by a {@code Device} resource that names the device's OAuth
 * client in {@code Device.identifier} (system {@value #CLIENT_ID_SYSTEM}) and the patient in
 * {@code Device.patient}.
 */
@Component
public class FhirDevicePatientLinks implements DevicePatientLinks {

	public static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";

	private final DaoRegistry daoRegistry;

	public FhirDevicePatientLinks(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Override
	public List<String> patientsOf(AccessPrincipal device) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Device.SP_IDENTIFIER, new TokenParam(CLIENT_ID_SYSTEM, device.clientId()))
				.add(Device.SP_STATUS, new TokenParam("active"));
		return daoRegistry.getResourceDao(Device.class).searchForResources(search, new SystemRequestDetails()).stream()
				.map(Device.class::cast)
				.filter(Device::hasPatient)
				.map(d -> d.getPatient().getReferenceElement().getIdPart())
				.distinct()
				.toList();
	}
}
