package com.successpilot.rules.internal;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.successpilot.rules.facts.AccountFacts;

/**
 * The values placeholders are filled from: the evidence a rule gave, then the account's
 * facts by field name. Reads an account field only when a placeholder asks for it, so
 * raising a response stays cheap. Read-only.
 */
final class FactValues extends AbstractMap<String, Object> {

	private static final Map<String, Method> GETTERS = getters();

	private final Map<String, Object> evidence;

	private final AccountFacts account;

	FactValues(Map<String, Object> evidence, AccountFacts account) {
		this.evidence = evidence;
		this.account = account;
	}

	@Override
	public boolean containsKey(Object name) {
		return this.evidence.containsKey(name) || GETTERS.containsKey(name);
	}

	@Override
	public Object get(Object name) {
		if (this.evidence.containsKey(name)) {
			return this.evidence.get(name);
		}
		Method getter = GETTERS.get(name);
		return (getter != null) ? read(getter) : null;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		Map<String, Object> all = new LinkedHashMap<>();
		GETTERS.forEach((name, getter) -> all.put(name, read(getter)));
		all.putAll(this.evidence);
		return all.entrySet();
	}

	private Object read(Method getter) {
		try {
			return getter.invoke(this.account);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("cannot read " + getter.getName(), ex);
		}
	}

	private static Map<String, Method> getters() {
		try {
			return Arrays.stream(Introspector.getBeanInfo(AccountFacts.class, Object.class).getPropertyDescriptors())
				.filter((property) -> property.getReadMethod() != null)
				.collect(Collectors.toUnmodifiableMap(PropertyDescriptor::getName, PropertyDescriptor::getReadMethod));
		}
		catch (IntrospectionException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
