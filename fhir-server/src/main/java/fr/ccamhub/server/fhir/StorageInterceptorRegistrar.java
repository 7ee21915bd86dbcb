package fr.ccamhub.server.fhir;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Registers every {@link StorageInterceptor} bean on HAPI's storage interceptor service. */
@Component
class StorageInterceptorRegistrar implements SmartInitializingSingleton {

	private final IInterceptorService interceptorService;
	private final List<StorageInterceptor> interceptors;

	StorageInterceptorRegistrar(IInterceptorService interceptorService, List<StorageInterceptor> interceptors) {
		this.interceptorService = interceptorService;
		this.interceptors = interceptors;
	}

	@Override
	public void afterSingletonsInstantiated() {
		interceptors.forEach(storage -> interceptorService.registerInterceptor(storage.interceptor()));
	}
}
